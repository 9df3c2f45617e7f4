package dev.undertone.app.source;

/**
 * A finite source that knows how far along it is, for progress bars (bytes of a file, say). Read
 * from another thread than the one reading the source: implementations use volatile fields.
 */
public interface ProgressAware {
    /** Units done so far, counting from the start of the input (not from the resume point). */
    long progressDone();

    /** Units in all, or -1 when unknown. */
    long progressTotal();
}
