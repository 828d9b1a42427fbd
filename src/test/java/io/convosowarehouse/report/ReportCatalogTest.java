package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report files, their headers and the psql idioms the command line understands. */
class ReportCatalogTest {

    private static final List<String> REPORTS = List.of("agent_performance", "agent_time_in_state", "call_detail",
            "campaign_performance", "data_coverage", "interval_activity", "pause_analysis", "queue_service", "shift_summary", "shift_timeline", "staffing_heatmap");

    @Test
    void everyReportDocumentsItselfAndNeedsOnlyFromAndTo() {
        ReportCatalog catalog = ReportCatalog.fromDirectory(Path.of("sql-reports"));
        assertThat(catalog.all()).extracting(ReportDefinition::name).containsExactlyElementsOf(REPORTS);
        for (ReportDefinition report : catalog.all()) {
            assertThat(report.description()).as(report.name()).isNotBlank();
            assertThat(report.header()).as(report.name()).contains("Grain: one row per", "Parameters:", "Columns:", "Formulas:");
            assertThat(report.requiredParameters()).as(report.name()).containsExactly("from", "to");
            assertThat(report.script().required()).as(report.name() + ": psql stops, saying so, without each required parameter")
                    .containsExactlyInAnyOrderElementsOf(report.requiredParameters());
            assertThat(report.script().defaults()).as(report.name()).containsEntry("account", "");
            assertThat(report.script().sql()).as(report.name()).doesNotContain("\\").startsWith("--");
        }
    }

    @Test
    void theJarCarriesTheSameReports() {
        assertThat(ReportCatalog.fromClasspath().all()).extracting(ReportDefinition::name).containsExactlyElementsOf(REPORTS);
    }

    @Test
    void psqlDefaultsAndRequiredParametersAreReadAndOtherMetaCommandsRefused() {
        PsqlScript script = PsqlScript.parse("""
                \\if :{?to}
                \\else
                    \\warn 'x.sql: -v to is missing'
                    \\quit
                \\endif
                \\if :{?bucket}
                \\else
                    \\set bucket 60
                \\endif
                \\if :{?account}
                \\else
                    \\set account ''
                \\endif
                select 1;
                """);
        assertThat(script.defaults()).isEqualTo(Map.of("bucket", "60", "account", ""));
        assertThat(script.required()).containsExactly("to");
        assertThat(script.sql()).isEqualTo("select 1");
        // the one-line form the report files use: psql runs a line's backslash commands in turn
        PsqlScript oneLine = PsqlScript.parse("""
                \\if :{?to} \\else \\warn 'x.sql: -v to is missing; see \\h' \\quit \\endif
                \\if :{?bucket} \\else \\set bucket 60 \\endif
                \\if :{?account} \\else \\set account '' \\endif
                select 1;
                """);
        assertThat(oneLine).isEqualTo(script);
        assertThatThrownBy(() -> PsqlScript.parse("\\if :{?x} \\else \\set x 1 \\! rm -rf / \\endif\nselect 1"))
                .hasMessageContaining("only");
        assertThatThrownBy(() -> PsqlScript.parse("\\! rm -rf /\nselect 1")).hasMessageContaining("only");
        assertThatThrownBy(() -> PsqlScript.parse("\\set bucket 60\nselect 1")).hasMessageContaining("only");
        assertThatThrownBy(() -> PsqlScript.parse("\\quit\nselect 1")).hasMessageContaining("only");
        assertThatThrownBy(() -> PsqlScript.parse("\\warn 'hello'\nselect 1")).hasMessageContaining("only");
        assertThatThrownBy(() -> PsqlScript.parse("\\if :{?x}\nselect 1")).hasMessageContaining("no \\endif");
    }

    @Test
    void variablesBecomeBindValuesButNotInsideLiteralsCommentsOrCasts() {
        BoundSql bound = BoundSql.bind("""
                -- :'from' in a comment
                select cast(:'from' as timestamp), :bucket::int, ':to', "a:b", $$ :x $$, /* :y */ x::text, :'from'
                """, Map.of("from", "2025-05-28", "bucket", "60"));
        assertThat(bound.sql()).isEqualTo("""
                -- :'from' in a comment
                select cast(? as timestamp), ?::int, ':to', "a:b", $$ :x $$, /* :y */ x::text, ?
                """);
        assertThat(bound.values()).containsExactly("2025-05-28", "60", "2025-05-28");
        assertThatThrownBy(() -> BoundSql.bind("select :'to'", Map.of())).hasMessageContaining("no value for parameter 'to'");
    }
}
