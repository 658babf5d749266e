package io.innercircle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The feature packages are Spring Modulith application modules: no cycles, and a module uses only what another
 * exposes (its base package, or a sub-package marked {@code @NamedInterface} in its package-info.java). The module
 * documentation in docs/modules is written by this test, so a change of boundaries shows in the diff.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(InnerCircleApplication.class);

    static final Path DOCS = Path.of("docs/modules");

    @Test
    void theModuleBoundariesHold() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWritten() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();
        // The diagrams list their relations in hash order; sorted, the files change only when the modules do.
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortRelations(file);
            }
        }
    }

    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        Iterator<String> sorted = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().iterator();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.startsWith("Rel(") ? sorted.next() : line);
        }
        Files.write(diagram, out);
    }
}
