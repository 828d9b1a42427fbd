package io.convosowarehouse.benchmark;
final class PollCycleBenchmark {
    PollCycleBenchmark(BenchmarkOptions o) {}
    void run(ResultTable t) {}
}
