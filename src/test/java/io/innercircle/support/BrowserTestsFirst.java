package io.innercircle.support;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;

/**
 * Runs the browser tests (classes named {@code *BrowserTest}) before the other test classes, which keep their
 * order. The integration phase runs the tests with a Neo4j of their own and those of the second app
 * ({@link SecondAppTest}) on a second thread beside the tests of the shared app; on a 2-core machine the second
 * thread is fastest beside the browser tests, which leave a core idle while Chromium draws and the test waits.
 */
public final class BrowserTestsFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(
                Comparator.comparing(c -> !c.getTestClass().getSimpleName().endsWith("BrowserTest")));
    }
}
