package org.roundtable.app;


/**
 * {@code java -jar roundtable.jar [command]}: serves by default; see {@code --help} for the other commands.
 * Everything reads its settings from the environment.
 */
public final class Main {

    public static void main(String[] args) {
        int code = RoundtableCommand.run(System.getenv(), args);
        // A server keeps running on its own threads; any other command is done here.
        if (code != 0) {
            System.exit(code);
        }
    }

    private Main() {}
}
