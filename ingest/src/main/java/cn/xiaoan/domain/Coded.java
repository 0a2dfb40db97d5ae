package cn.xiaoan.domain;

/** A closed-set value exchanged between machines by its stable English code. */
public interface Coded {
    /** The stable code, e.g. {@code FIRE}; equal to the enum constant's name. */
    String code();
}
