package io.rdswatch.bench;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of any module depends on itself through other packages (README, "Architecture").
 * Bench's test classpath holds every module, so this one check covers the simulator, the exporter,
 * the core, drills, aws, the agent and the bench; Maven already keeps modules from forming a cycle
 * among themselves.
 */
class PackageCyclesTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rdswatch");

  @Test
  void everyModuleIsOnTheClasspath() {
    // one package each module alone holds: simulator, exporter, core, drills, aws, agent, bench
    for (String pkg :
        new String[] {
          "io.rdswatch.simulator",
          "io.rdswatch.exporter",
          "io.rdswatch.agent.poll",
          "io.rdswatch.agent.drill.run",
          "io.rdswatch.agent.aws",
          "io.rdswatch.agent.cli",
          "io.rdswatch.bench"
        }) {
      assertThat(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  @Test
  void packagesAreFreeOfCycles() {
    // "(**)" makes every package its own slice, so a cycle between two sibling packages counts
    slices().matching("io.rdswatch.(**)").should().beFreeOfCycles().check(PRODUCTION);
  }
}
