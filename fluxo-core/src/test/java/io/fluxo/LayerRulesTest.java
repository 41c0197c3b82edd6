package io.fluxo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of docs/architecture.md, as tests: each layer may use only the layers below it. From the bottom:
 * types/errors, vector, connector SPI and functions, expressions, expression evaluation, logical plans (analysis and
 * optimization), execution, connectors, SQL, API.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fluxo");
    }

    private static void forbid(String layer, String... above) {
        noClasses().that().resideInAPackage(layer).should().dependOnClassesThat().resideInAnyPackage(above)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void typesAndErrorsAreTheBottom() {
        forbid("io.fluxo.types..", "io.fluxo.vector..", "io.fluxo.function..", "io.fluxo.plan..", "io.fluxo.exec..",
                "io.fluxo.connector..", "io.fluxo.sql..", "io.fluxo.api..");
        forbid("io.fluxo.errors..", "io.fluxo.vector..", "io.fluxo.function..", "io.fluxo.plan..", "io.fluxo.exec..",
                "io.fluxo.connector..", "io.fluxo.sql..", "io.fluxo.api..");
    }

    @Test
    void vectorsKnowOnlyTypes() {
        forbid("io.fluxo.vector..", "io.fluxo.function..", "io.fluxo.plan..", "io.fluxo.exec..",
                "io.fluxo.connector..", "io.fluxo.sql..", "io.fluxo.api..");
    }

    @Test
    void functionsAndConnectorSpiKnowOnlyData() {
        forbid("io.fluxo.function..", "io.fluxo.plan..", "io.fluxo.exec..", "io.fluxo.connector..", "io.fluxo.sql..",
                "io.fluxo.api..");
        forbid("io.fluxo.connector.spi..", "io.fluxo.function..", "io.fluxo.plan..", "io.fluxo.exec..",
                "io.fluxo.sql..", "io.fluxo.api..");
    }

    @Test
    void connectorsDoNotKnowTheEngine() {
        forbid("io.fluxo.connector..", "io.fluxo.plan..", "io.fluxo.exec..", "io.fluxo.sql..", "io.fluxo.api..");
    }

    @Test
    void expressionsAndTheirEvaluationAreBelowPlans() {
        forbid("io.fluxo.plan.expr..", "io.fluxo.plan.logical..", "io.fluxo.plan.analysis..",
                "io.fluxo.plan.optimizer..", "io.fluxo.exec..", "io.fluxo.sql..", "io.fluxo.api..");
        forbid("io.fluxo.exec.expr..", "io.fluxo.plan.logical..", "io.fluxo.plan.analysis..",
                "io.fluxo.plan.optimizer..", "io.fluxo.exec.operator..", "io.fluxo.exec.planner..", "io.fluxo.sql..",
                "io.fluxo.api..");
    }

    @Test
    void plansDoNotKnowPhysicalExecution() {
        forbid("io.fluxo.plan..", "io.fluxo.exec.operator..", "io.fluxo.exec.planner..", "io.fluxo.exec.hash..",
                "io.fluxo.exec.sort..", "io.fluxo.sql..", "io.fluxo.api..");
    }

    @Test
    void checkpointsKnowOnlyErrors() {
        forbid("io.fluxo.checkpoint..", "io.fluxo.types..", "io.fluxo.vector..", "io.fluxo.function..",
                "io.fluxo.plan..", "io.fluxo.exec..", "io.fluxo.connector..", "io.fluxo.stream..", "io.fluxo.sql..",
                "io.fluxo.api..");
    }

    @Test
    void stateStoresKnowOnlyErrors() {
        forbid("io.fluxo.state..", "io.fluxo.types..", "io.fluxo.vector..", "io.fluxo.function..", "io.fluxo.plan..",
                "io.fluxo.exec..", "io.fluxo.connector..", "io.fluxo.stream..", "io.fluxo.sql..", "io.fluxo.api..",
                "io.fluxo.checkpoint..");
    }

    @Test
    void streamingSitsBetweenExecutionAndTheApi() {
        forbid("io.fluxo.stream..", "io.fluxo.sql..", "io.fluxo.api..");
        forbid("io.fluxo.exec..", "io.fluxo.stream..");
        forbid("io.fluxo.plan..", "io.fluxo.stream..");
    }

    @Test
    void executionAndSqlDoNotKnowTheApi() {
        forbid("io.fluxo.exec..", "io.fluxo.sql..", "io.fluxo.api..");
        forbid("io.fluxo.sql..", "io.fluxo.exec..", "io.fluxo.api..");
    }
}
