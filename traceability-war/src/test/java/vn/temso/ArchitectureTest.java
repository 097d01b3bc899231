package vn.temso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.temso.platform.rest.RestApplication;

/**
 * The layering rules of docs/architecture.md ("Layering rules the build enforces"), checked on the compiled classes
 * in every {@code ./mvnw verify}. Each rule fails with the offending classes and dependencies named.
 */
class ArchitectureTest {

    private static final String FEATURE_BOUNDARY = "vn.temso.*.boundary..";
    private static final String FEATURE_CONTROL = "vn.temso.*.control..";
    private static final String FEATURE_ENTITY = "vn.temso.*.entity..";
    private static final String PLATFORM = "vn.temso.platform..";
    private static final String WEB = "vn.temso.web..";
    private static final String DEMO = "vn.temso.demo..";

    /** The WAR's own main classes: read from where RestApplication was compiled, so no library class is among them. */
    private static JavaClasses war;
    /** Every vn.temso class on the test class path that is not the WAR's: the plain Java libraries. */
    private static JavaClasses libraries;
    /** The WAR's feature packages (vn.temso.X for every X but platform), found in the classes, not listed here. */
    private static Set<String> features;

    @BeforeAll
    static void importClasses() throws URISyntaxException {
        Location warClasses = Location.of(RestApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        war = new ClassFileImporter().importLocations(Set.of(warClasses));
        libraries = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.asURI().equals(warClasses.asURI())
                        && !location.asURI()
                                .toString()
                                .startsWith(warClasses.asURI().toString()))
                .importPackages("vn.temso");
        features = new TreeSet<>();
        for (JavaClass c : war) {
            String[] parts = c.getPackageName().split("\\.");
            if (parts.length > 2 && !parts[2].equals("platform")) {
                features.add("vn.temso." + parts[2]);
            }
        }
    }

    @Test
    void theImportsSeeTheWarAndEachLibrary() {
        assertTrue(war.contain(RestApplication.class), "the WAR's classes were imported");
        assertTrue(
                features.containsAll(Set.of("vn.temso.batch", "vn.temso.stamping", "vn.temso.web")),
                features::toString);
        Set<String> libraryRoots = new TreeSet<>();
        for (JavaClass c : libraries) {
            libraryRoots.add(c.getPackageName().split("\\.")[2]);
        }
        // stamp-codec, label-printer, catalog-sync; a new library module joins the rule below by itself
        assertTrue(libraryRoots.containsAll(Set.of("stamp", "label", "catalog")), libraryRoots::toString);
        assertEquals(
                0,
                libraries.stream().filter(c -> war.contain(c.getName())).count(),
                "no WAR class among the libraries");
    }

    @Test
    void controlNeverDependsOnBoundary() {
        noClasses()
                .that()
                .resideInAPackage(FEATURE_CONTROL)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(FEATURE_BOUNDARY)
                .because(
                        "a boundary maps its requests to commands the control layer owns (boundary -> control -> entity)")
                .check(war);
    }

    @Test
    void entityDependsOnNeitherControlNorBoundary() {
        noClasses()
                .that()
                .resideInAPackage(FEATURE_ENTITY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURE_CONTROL, FEATURE_BOUNDARY)
                .because("the domain model knows nothing of use cases or HTTP (boundary -> control -> entity)")
                .check(war);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(PLATFORM)
                .should()
                .dependOnClassesThat(resideInAFeature())
                .because(
                        "features register with the platform (StartupTask, LeasedJobs...), the platform lists none of them")
                .check(war);
    }

    @Test
    void nothingDependsOnTheWebUi() {
        noClasses()
                .that()
                .resideOutsideOfPackage(WEB)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(WEB)
                .because("the Faces pages are a boundary of their own: they use the features, never the other way")
                .check(war);
    }

    @Test
    void nothingDependsOnTheDemoData() {
        noClasses()
                .that()
                .resideOutsideOfPackage(DEMO)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(DEMO)
                .because("demo data is an optional start-up task: production code must run the same without it")
                .check(war);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("vn.temso.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("feature packages depend on each other in one direction only")
                .check(war.that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(PLATFORM))));
    }

    @Test
    void librariesImportNoJakarta() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta..")
                .because(
                        "stamp-codec, label-printer and catalog-sync are plain Java libraries that know nothing of Jakarta EE")
                .check(libraries);
    }

    private static DescribedPredicate<JavaClass> resideInAFeature() {
        return DescribedPredicate.describe(
                "reside in a feature package " + features,
                c -> features.stream()
                        .anyMatch(f -> c.getPackageName().equals(f)
                                || c.getPackageName().startsWith(f + ".")));
    }
}
