package dev.undertone.app.store;

/**
 * A query parameter a client sent that cannot be answered: the message names the parameter and says
 * what is accepted. The web layer maps it to HTTP 400, the CLI to exit status 2.
 */
public final class InvalidQueryException extends IllegalArgumentException {
    private final String parameter;

    /**
     * @param parameter the name of the bad parameter as the client wrote it ({@code sentiment})
     * @param problem what is wrong with it and what would be accepted
     */
    public InvalidQueryException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** The name of the bad parameter. */
    public String parameter() {
        return parameter;
    }
}
