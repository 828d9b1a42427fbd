package io.convosowarehouse.benchmark;
final class ReportBenchmark {
    ReportBenchmark(BenchmarkOptions o) {}
    void run(ResultTable t) {}
}
