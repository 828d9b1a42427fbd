package io.convosowarehouse.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.jooq.DSLContext;

/** What the numbers were measured on; the integrator compares runs only between equal machines. */
record MachineInfo(int cores, String cpu, String jvm, String postgres, String startedAt) {

    static MachineInfo of(DSLContext dsl) {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                String.valueOf(dsl.fetchValue("select version()")), Instant.now().toString());
    }

    String markdown() {
        return "machine: " + cores + " cores (" + cpu + "), JVM " + jvm + ", " + postgres + ", run at " + startedAt + "\n";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown cpu");
        } catch (Exception e) {
            return "unknown cpu";
        }
    }
}
