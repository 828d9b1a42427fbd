package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile's steps without a Docker engine: the jar extracted in layers, the layers copied into one
 * directory (the image's /app), then the AOT training run. A source tree with
 * {@code src/main/docker/aot-training.sh} trains as its Dockerfile does, by that script; an older one (the
 * baseline's) by a {@code poll} against a database that cannot exist, expecting exit 4, as its Dockerfile did.
 */
final class ImageBuild {

    static final String TRAINING_SCRIPT = "src/main/docker/aot-training.sh";
    private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private ImageBuild() {
    }

    /** Extracts {@code jar} as the Dockerfile's build stage does and returns the directory the image runs in. */
    static Path assemble(Path java, Path jar, Path work) throws IOException, InterruptedException {
        Path layers = work.resolve("layers");
        Path app = work.resolve("app");
        run(List.of("rm", "-rf", layers.toString(), app.toString()), work, Map.of(), work.resolve("assemble.log"));
        Files.createDirectories(app);
        run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--layers",
                "--destination", layers.toString()), work, Map.of(), work.resolve("assemble.log"));
        for (String layer : LAYERS) {
            Path from = layers.resolve(layer);
            if (Files.isDirectory(from)) {
                run(List.of("cp", "-a", from + "/.", app.toString()), work, Map.of(), work.resolve("assemble.log"));
            }
        }
        return app.toAbsolutePath();
    }

    /** Writes {@code app/convoso-warehouse.aot} as the source tree's Dockerfile does. */
    static void train(Path sourceTree, Path app, Path java, ImageRecipe recipe, Path log)
            throws IOException, InterruptedException {
        Path script = sourceTree.resolve(TRAINING_SCRIPT);
        if (Files.isRegularFile(script)) {
            run(List.of("sh", script.toAbsolutePath().toString(), app.toString()), app,
                    Map.of("JAVA", java.toString(), "JAVA_FLAGS", recipe.javaFlags()), log);
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(recipe.javaFlags().split("\\s+")));
        command.addAll(List.of("-XX:AOTCacheOutput=convoso-warehouse.aot", "-jar", "convoso-warehouse.jar", "poll"));
        Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/aot-training",
                "SPRING_FLYWAY_ENABLED", "false", "CONVOSO_AUTH_TOKEN", "aot-training");
        int exit = start(command, app, environment, log).waitFor();
        if (exit != 4 || !Files.isRegularFile(app.resolve("convoso-warehouse.aot"))) {
            throw new IllegalStateException("the baseline's training run exited " + exit + "; see " + log);
        }
    }

    private static void run(List<String> command, Path directory, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int exit = start(command, directory, environment, log).waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + "; see " + log);
        }
    }

    private static Process start(List<String> command, Path directory, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
