package org.threadline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/adr/0002-pure-core-modules.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.threadline");

    @Test
    void linkage_domain_and_intake_use_no_framework() {
        noClasses().that().resideInAnyPackage("org.threadline.linkage..", "org.threadline.domain..",
                        "org.threadline.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "javax.servlet..", "org.apache.spark..", "jakarta.persistence..", "org.hibernate..",
                        "picocli..")
                .check(CLASSES);
    }

    @Test
    void the_core_modules_do_not_reach_up_into_the_modules_built_on_them() {
        noClasses().that().resideInAnyPackage("org.threadline.linkage..", "org.threadline.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadline.intake..",
                        "org.threadline.store..", "org.threadline.synth..", "org.threadline.app..")
                .check(CLASSES);
    }

    @Test
    void linkage_does_not_depend_on_the_domain() {
        noClasses().that().resideInAPackage("org.threadline.linkage..")
                .should().dependOnClassesThat().resideInAPackage("org.threadline.domain..")
                .check(CLASSES);
    }

    @Test
    void the_command_line_reaches_spring_only_through_the_web_package() {
        // So that no command but serve starts (or even loads) Spring: ThreadlineWeb is the one way in.
        noClasses().that().resideInAnyPackage("org.threadline.app.cli..", "org.threadline.app.home..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "org.apache.catalina..")
                .check(CLASSES);
    }

    @Test
    void the_web_packages_do_not_use_the_command_line() {
        noClasses().that().resideInAPackage("org.threadline.app.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadline.app.cli..", "picocli..")
                .check(CLASSES);
    }
}
