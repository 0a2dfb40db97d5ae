package cn.xiaoan.domain;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for lock tests: tries to take the write lock of the warehouse {@code args[0]}, waiting at most
 * {@code args[1]} milliseconds, and prints {@code acquired} or {@code busy: <message>}; with {@code args[2]} it then
 * holds the lock that many milliseconds.
 */
public final class LockProbe {
    private LockProbe() {}

    public static void main(String[] args) throws InterruptedException {
        var locks = new WarehouseLocks("probe", Duration.ofMillis(Long.parseLong(args[1])));
        try (var write = locks.acquire(new Warehouse(Path.of(args[0])), "probe", LockWait.silent())) {
            System.out.println("acquired " + write.warehouse().root());
            System.out.flush();
            if (args.length > 2) {
                Thread.sleep(Long.parseLong(args[2]));
            }
        } catch (WarehouseBusyException e) {
            System.out.println("busy: " + e.getMessage());
        }
    }

    /** Runs the probe in a fresh JVM with this JVM's class path and returns what it printed. */
    static String run(Warehouse warehouse, long patienceMillis) throws Exception {
        Process process = start(warehouse, patienceMillis);
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip();
    }

    /** Starts the probe in a fresh JVM; {@code holdMillis}, if given, is how long it holds the lock once taken. */
    static Process start(Warehouse warehouse, long patienceMillis, long... holdMillis) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockProbe.class.getName(),
                warehouse.root().toString(),
                Long.toString(patienceMillis)));
        for (long hold : holdMillis) {
            command.add(Long.toString(hold));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
