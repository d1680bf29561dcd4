package dev.fapilog.sink.kafka;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker for the tests: {@code kafka_2.13} from Maven Central in KRaft mode
 * ({@code process.roles=broker,controller}), listeners on 127.0.0.1 only, storage formatted in {@code dir}, run in a
 * child JVM with the test class path and stopped by its own process. About 4 s from format to a listening broker.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Session settings for a broker that a test kills and restarts: its old session ends within 3 s, so the restart is
     * accepted within seconds. Only for those tests: on a loaded 2-core machine a 3 s session can lapse under a live
     * broker, which then fences itself and leaves its partitions without a leader for a while.
     */
    static final String[] QUICK_RESTART = {"broker.session.timeout.ms=3000", "broker.heartbeat.interval.ms=500"};

    /** Formats a new single-node cluster in {@code dir} and starts it. */
    public static KafkaBroker start(Path dir, String... extraProperties) throws Exception {
        KafkaBroker b = new KafkaBroker(dir, freePort(), freePort());
        Files.createDirectories(dir.resolve("data"));
        List<String> props = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + b.port + ",CONTROLLER://127.0.0.1:" + b.controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + b.port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + b.controllerPort,
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=3"));
        props.addAll(List.of(extraProperties));
        Files.write(b.properties(), props);
        Process format = java(
                        "kafka.tools.StorageTool",
                        "format",
                        "--standalone",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        b.properties().toString())
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException(
                    "formatting the broker's storage failed: " + Files.readString(dir.resolve("format.log")));
        }
        b.run();
        return b;
    }

    /** Starts the broker process (again, after {@link #kill()}: the data is kept) and waits until it listens. */
    public void run() throws Exception {
        // The broker's own logging is off: whichever SLF4J providers the class path holds (the benchmarks have three),
        // none should slow it or fill the disk. Its start-up failures still reach broker.log through stderr.
        process = java(
                        "-Xmx512m",
                        "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                        "kafka.Kafka",
                        properties().toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("broker.log").toFile()))
                .start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited: " + Files.readString(dir.resolve("broker.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(100);
                continue;
            }
            if (registered()) { // listening is not enough: the broker must have joined its own cluster
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the broker did not listen within 60 s");
    }

    /** Whether the cluster's metadata lists this broker (so producers get a leader for new topics). */
    private boolean registered() {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("request.timeout.ms", "2000");
        p.put("default.api.timeout.ms", "3000");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Creates topics of {@code partitions} partitions (one replica). */
    public void createTopics(int partitions, String... names) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap());
        List<org.apache.kafka.clients.admin.NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new org.apache.kafka.clients.admin.NewTopic(name, partitions, (short) 1));
        }
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every record of {@code topic} from its start, read by a consumer of a new group until {@code expected} arrived
     * (or 30 s passed), and then whatever a further short poll finds (records beyond those expected: duplicates).
     */
    public List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> consume(String topic, long expected) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("group.id", "check-" + java.util.UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> c =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                        p,
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < expected && System.nanoTime() < end) {
                c.poll(java.time.Duration.ofMillis(200)).forEach(out::add);
            }
            c.poll(java.time.Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    /** A runtime named {@code name} whose only sink is {@code kafka} to {@code topic} here; then the settings given. */
    public dev.fapilog.LogRuntime runtime(String name, String topic, String... settings) {
        dev.fapilog.LoggerBuilder b = dev.fapilog.Fapilog.builder()
                .name(name)
                .sinks("kafka")
                .shutdownHook(false)
                .diagnosticsListener(line -> System.err.println("diagnostics: " + line))
                .setting("sink.kafka.bootstrap-servers", bootstrap())
                .setting("sink.kafka.topic", topic);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return b.buildRuntime();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Ends the broker at once (SIGKILL), as a crash would, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private Path properties() {
        return dir.resolve("server.properties");
    }

    private static ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
