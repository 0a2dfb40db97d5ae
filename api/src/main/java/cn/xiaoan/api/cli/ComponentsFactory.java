package cn.xiaoan.api.cli;

import cn.xiaoan.api.Components;
import picocli.CommandLine;

/** Makes commands with a {@code (Components)} constructor; everything else falls back to picocli's default. */
final class ComponentsFactory implements CommandLine.IFactory {
    private final Components components;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ComponentsFactory(Components components) {
        this.components = components;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(Components.class).newInstance(components);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
