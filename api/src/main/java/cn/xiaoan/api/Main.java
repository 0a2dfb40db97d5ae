package cn.xiaoan.api;

/** Entry point of the {@code xiaoan} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("xiaoan");
    }
}
