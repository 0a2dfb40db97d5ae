package cn.xiaoan.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.domain.Warehouse;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/ARCHITECTURE.md, checked over the production classes of every module: data flows up
 * (domain ← ingest ← analytics ← api), each analytics layer sees only the layers below it, and benchmarks and demo
 * data stay out of the serving path.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // One class per module names where its classes are (a directory or a jar): scanning the whole classpath for
        // cn.xiaoan would read every Spark jar.
        var modules = Stream.of(Main.class, Figure.class, Warehouse.class)
                .map(type ->
                        Location.of(type.getProtectionDomain().getCodeSource().getLocation()))
                .collect(Collectors.toSet());
        classes = new ClassFileImporter().importLocations(modules);
        if (classes.size() < 300) {
            throw new IllegalStateException("Expected every module's classes, imported " + classes.size());
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.xiaoan.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainDependsOnNoOtherPackage() {
        onlyOn("cn.xiaoan.domain..").check(classes);
    }

    @Test
    void ingestAndGeneratorDependOnlyOnTheDomain() {
        onlyOn("cn.xiaoan.ingest..", "cn.xiaoan.domain..").check(classes);
        onlyOn("cn.xiaoan.generate..", "cn.xiaoan.domain..").check(classes);
    }

    @Test
    void figureRegistryIsEngineNeutral() {
        onlyOn("cn.xiaoan.analytics.figure..", "cn.xiaoan.domain..").check(classes);
    }

    @Test
    void campaignDefinitionsKnowOnlyFiguresAndTheDomain() {
        onlyOn("cn.xiaoan.analytics.campaign..", "cn.xiaoan.analytics.figure..", "cn.xiaoan.domain..")
                .check(classes);
    }

    @Test
    void publishedModelKnowsOnlyFigures() {
        onlyOn("cn.xiaoan.analytics.publish..", "cn.xiaoan.analytics.figure..", "cn.xiaoan.domain..")
                .check(classes);
    }

    @Test
    void buildersDoNotServe() {
        onlyOn(
                        "cn.xiaoan.analytics.build",
                        "cn.xiaoan.analytics.publish..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.ingest..",
                        "cn.xiaoan.domain..")
                .check(classes);
        onlyOn(
                        "cn.xiaoan.analytics.build.spark..",
                        "cn.xiaoan.analytics.build",
                        "cn.xiaoan.analytics.publish..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.ingest..",
                        "cn.xiaoan.domain..")
                .check(classes);
    }

    @Test
    void servingAndServicesDoNotBuild() {
        onlyOn(
                        "cn.xiaoan.analytics.serving..",
                        "cn.xiaoan.analytics.publish..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.domain..")
                .check(classes);
        onlyOn(
                        "cn.xiaoan.analytics.service..",
                        "cn.xiaoan.analytics.campaign..",
                        "cn.xiaoan.analytics.serving..",
                        "cn.xiaoan.analytics.publish..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.domain..")
                .check(classes);
        onlyOn(
                        "cn.xiaoan.analytics.report..",
                        "cn.xiaoan.analytics.service..",
                        "cn.xiaoan.analytics.campaign..",
                        "cn.xiaoan.analytics.serving..",
                        "cn.xiaoan.analytics.publish..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.domain..")
                .check(classes);
        onlyOn(
                        "cn.xiaoan.analytics.sql..",
                        "cn.xiaoan.analytics.publish..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.domain..")
                .check(classes);
    }

    @Test
    void analyticsNeverReachesUpIntoTheApi() {
        noClasses()
                .that()
                .resideInAnyPackage("cn.xiaoan.analytics..", "cn.xiaoan.ingest..", "cn.xiaoan.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.xiaoan.api..")
                .check(classes);
    }

    @Test
    void benchmarksAndDemoDataStayOutOfTheServingPath() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "cn.xiaoan.ingest.bench..",
                        "cn.xiaoan.analytics.bench..",
                        "cn.xiaoan.api.cli.bench..",
                        "cn.xiaoan.api")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cn.xiaoan.ingest.bench..", "cn.xiaoan.analytics.bench..", "cn.xiaoan.api.cli.bench..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "cn.xiaoan.api.server..",
                        "cn.xiaoan.api.export..",
                        "cn.xiaoan.api.output..",
                        "cn.xiaoan.api.auth..",
                        "cn.xiaoan.analytics.figure..",
                        "cn.xiaoan.analytics.serving..",
                        "cn.xiaoan.analytics.service..",
                        "cn.xiaoan.analytics.report..",
                        "cn.xiaoan.analytics.build..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.xiaoan.generate..")
                .check(classes);
    }

    @Test
    void theServerDoesNotKnowTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "cn.xiaoan.api.server..",
                        "cn.xiaoan.api.export..",
                        "cn.xiaoan.api.output..",
                        "cn.xiaoan.api.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.xiaoan.api.cli..", "cn.xiaoan.api")
                .check(classes);
    }

    /** Classes in {@code layer} may use only the JDK, libraries and the given packages of this project. */
    private static ArchRule onlyOn(String layer, String... allowed) {
        var permitted = new String[allowed.length + 1];
        permitted[0] = layer;
        System.arraycopy(allowed, 0, permitted, 1, allowed.length);
        return noClasses()
                .that()
                .resideInAPackage(layer)
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are in this project outside " + String.join(", ", permitted),
                        (JavaClass target) -> target.getPackageName().startsWith("cn.xiaoan")
                                && Arrays.stream(permitted)
                                        .noneMatch(p -> PackageMatcher.of(p).matches(target.getPackageName()))));
    }
}
