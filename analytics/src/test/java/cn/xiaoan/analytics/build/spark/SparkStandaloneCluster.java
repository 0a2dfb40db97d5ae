package cn.xiaoan.analytics.build.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone master and one worker on loopback, as child JVMs, without a Spark download
 * (docs/OPERATIONS.md): {@code SPARK_HOME/jars} links the jars of this JVM's classpath, which include Spark's. Closing
 * stops both.
 */
final class SparkStandaloneCluster implements AutoCloseable {
    private final Path home;
    private final Process master;
    private final Process worker;
    private final String masterUrl;

    private SparkStandaloneCluster(Path home, Process master, Process worker, String masterUrl) {
        this.home = home;
        this.master = master;
        this.worker = worker;
        this.masterUrl = masterUrl;
    }

    static SparkStandaloneCluster start(Path home) throws IOException, InterruptedException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        Process master = launch(
                home,
                "master",
                List.of(
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--webui-port",
                        String.valueOf(freePort())));
        Process worker = null;
        try {
            awaitPort(port, master, Duration.ofSeconds(60));
            worker = launch(
                    home,
                    "worker",
                    List.of(
                            "org.apache.spark.deploy.worker.Worker",
                            url,
                            "--host",
                            "127.0.0.1",
                            "--cores",
                            "1",
                            "--memory",
                            "1g",
                            "--webui-port",
                            String.valueOf(freePort()),
                            "--work-dir",
                            Files.createDirectories(home.resolve("work")).toString()));
            return new SparkStandaloneCluster(home, master, worker, url);
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(worker);
            stop(master);
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /** The last lines of the master's and worker's logs, for a failure message. */
    String logs() {
        var text = new StringBuilder();
        for (String name : List.of("master", "worker")) {
            try {
                List<String> lines = Files.readAllLines(home.resolve(name + ".log"));
                text.append("--- ").append(name).append('\n');
                lines.subList(Math.max(0, lines.size() - 30), lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            } catch (IOException e) {
                text.append("--- ").append(name).append(": no log\n");
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        stop(worker);
        stop(master);
    }

    private static Process launch(Path home, String name, List<String> arguments) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        // Spark adds its module flags only to JVMs it launches itself (the executors), not to master and worker.
        command.addAll(Arrays.asList(SparkModuleFlags.FLAGS));
        command.add("-cp");
        command.add(home.resolve("jars") + File.separator + "*");
        command.addAll(arguments);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static void awaitPort(int port, Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Spark master exited with " + process.exitValue());
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The Spark master did not listen on port " + port + " within " + timeout);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        // The worker's shutdown hook kills its executors; descendants are stopped too in case it cannot.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
