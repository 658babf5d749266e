package io.innercircle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are Spring Modulith application modules: no cycles, and a module uses only what another
 * exposes (its base package, or a sub-package marked {@code @NamedInterface} in its package-info.java). The module
 * documentation in docs/modules is written by this test, so a change of boundaries shows in the diff.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(InnerCircleApplication.class);

    @Test
    void theModuleBoundariesHold() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation();
    }
}
