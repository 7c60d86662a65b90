package org.saddle.app;

/**
 * Bad input from the user: a config file, a command-line flag or a data file. The message names the
 * file, the key and the allowed values; the CLI prints it and exits with status 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
