package io.convosowarehouse.testsupport;

import java.nio.file.Path;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the committed jOOQ code from the schema that the Flyway migrations in {@code db/migration}
 * build on a fresh database. One definition serves both the regeneration command and the test that
 * fails when the committed code is stale.
 */
public final class JooqCodeGeneration {

    public static final String PACKAGE = "io.convosowarehouse.db";
    public static final Path COMMITTED_DIRECTORY = Path.of("src/main/generated");

    private JooqCodeGeneration() {
    }

    public static void generate(Path targetDirectory) throws Exception {
        PostgresServer server = PostgresServer.get();
        try (TestDatabase database = TestDatabase.migrated("jooq_codegen")) {
            generate(targetDirectory, server, database.url());
        }
    }

    private static void generate(Path targetDirectory, PostgresServer server, String url) throws Exception {
        GenerationTool.generate(new Configuration()
                .withJdbc(new Jdbc()
                        .withDriver("org.postgresql.Driver")
                        .withUrl(url)
                        .withUser(server.user())
                        .withPassword(server.password()))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withSchemata(
                                        new SchemaMappingType().withInputSchema("warehouse"),
                                        new SchemaMappingType().withInputSchema("ingest"),
                                        new SchemaMappingType().withInputSchema("reporting"))
                                // monthly partitions are created at run time, never by the migrations
                                .withExcludes(".*_p[0-9]{6}"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(targetDirectory.toString())
                                .withClean(true))));
    }
}
