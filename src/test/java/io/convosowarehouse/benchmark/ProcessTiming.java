package io.convosowarehouse.benchmark;

/** Wall and CPU seconds of one child process, start to exit, as /usr/bin/time reports them. */
record ProcessTiming(double wallSec, double userSec, double sysSec) {

    double cpuSec() {
        return userSec + sysSec;
    }

    /** Parses the last line of {@code /usr/bin/time -f "%e %U %S"} output. */
    static ProcessTiming parse(String timeOutput) {
        String[] lines = timeOutput.strip().split("\n");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        return new ProcessTiming(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    }
}
