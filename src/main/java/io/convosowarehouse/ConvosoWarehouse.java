package io.convosowarehouse;

import io.convosowarehouse.cli.WarehouseCommandLine;

/** The command-line entry point: {@code java -jar convoso-warehouse.jar COMMAND [OPTIONS]}. */
public final class ConvosoWarehouse {

    private ConvosoWarehouse() {
    }

    public static void main(String[] args) {
        System.exit(WarehouseCommandLine.execute(args));
    }
}
