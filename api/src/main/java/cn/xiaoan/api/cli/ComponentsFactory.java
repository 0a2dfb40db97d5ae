package cn.xiaoan.api.cli;

import picocli.CommandLine;

/** Makes commands with a {@code (Components)} constructor; everything else falls back to picocli's default. */
public final class ComponentsFactory implements CommandLine.IFactory {
    private final Components components;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public ComponentsFactory(Components components) {
        this.components = components;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            var constructor = type.getDeclaredConstructor(Components.class);
            // Commands stay package-private in their own packages (cli, cli.bench); only picocli makes them
            constructor.setAccessible(true);
            return constructor.newInstance(components);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
