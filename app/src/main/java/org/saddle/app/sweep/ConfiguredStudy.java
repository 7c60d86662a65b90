package org.saddle.app.sweep;

/**
 * A {@link ShardableStudy} made from one parsed config: its model key, study name, the config file as named on the
 * command line, and the config text. The study types differ only in their units; this holds what they share.
 *
 * @param <R> the result of one unit
 */
public abstract class ConfiguredStudy<R> implements ShardableStudy<R> {

    private final String model;
    private final String name;
    private final String source;
    private final String text;

    /**
     * @param model the config's {@code model:} value
     * @param name the study name (its results folder)
     * @param source the config file as named on the command line
     * @param text the config file's text, verbatim
     */
    protected ConfiguredStudy(String model, String name, String source, String text) {
        this.model = model;
        this.name = name;
        this.source = source;
        this.text = text;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public final String configSource() {
        return source;
    }

    @Override
    public final String configText() {
        return text;
    }
}
