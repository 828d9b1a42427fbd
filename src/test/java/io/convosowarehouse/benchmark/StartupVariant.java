package io.convosowarehouse.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting the {@code poll} process: which JVM, which flags, which jar, whether Flyway
 * validates on start, and whether a training run must first write a class archive.
 */
record StartupVariant(String name, Path java, List<String> flags, Path jar, boolean flyway, Archive archive, Path archiveFile) {

    /** A class archive a training run writes and the measured runs read. */
    enum Archive {
        NONE, CDS, AOT;

        String trainingFlag(Path file) {
            return switch (this) {
                case NONE -> null;
                case CDS -> "-XX:ArchiveClassesAtExit=" + file;
                case AOT -> "-XX:AOTCacheOutput=" + file;
            };
        }

        String useFlag(Path file) {
            return switch (this) {
                case NONE -> null;
                case CDS -> "-XX:SharedArchiveFile=" + file;
                case AOT -> "-XX:AOTCache=" + file;
            };
        }
    }

    /** The java command line up to (and including) the jar, for a training or a measured run. */
    List<String> javaCommand(boolean training) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        if (archive != Archive.NONE) {
            command.add(training ? archive.trainingFlag(archiveFile) : archive.useFlag(archiveFile));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
