import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The smoke test's OTLP/HTTP log receiver (run with the JDK's source launcher and the official opentelemetry-proto
 * classes on the class path): listens on 127.0.0.1 on a free port, written to {@code <portFile>}, decodes every request
 * to {@code /v1/logs} as an {@code ExportLogsServiceRequest} and appends one line per log record to {@code <out>}:
 * {@code resource=<service.name> scope=<scope> severity=<number>/<text> trace=<hex> body=<body> attrs=<k=v;...>}.
 * A request that does not decode is answered 400 and written as {@code UNDECODABLE}. Stopped by its PID.
 */
public class OtlpReceiver {
    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        Path out = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/logs", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            int status = 200;
            StringBuilder lines = new StringBuilder();
            try {
                ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
                for (ResourceLogs rl : request.getResourceLogsList()) {
                    String service = "";
                    for (KeyValue kv : rl.getResource().getAttributesList()) {
                        if (kv.getKey().equals("service.name")) {
                            service = kv.getValue().getStringValue();
                        }
                    }
                    for (ScopeLogs sl : rl.getScopeLogsList()) {
                        for (LogRecord r : sl.getLogRecordsList()) {
                            lines.append("resource=").append(service)
                                    .append(" scope=").append(sl.getScope().getName())
                                    .append(" severity=").append(r.getSeverityNumberValue()).append('/')
                                    .append(r.getSeverityText())
                                    .append(" trace=").append(HexFormat.of().formatHex(r.getTraceId().toByteArray()))
                                    .append(" body=").append(r.getBody().getStringValue())
                                    .append(" attrs=");
                            for (KeyValue kv : r.getAttributesList()) {
                                lines.append(kv.getKey()).append('=').append(text(kv.getValue())).append(';');
                            }
                            lines.append('\n');
                        }
                    }
                }
            } catch (IOException undecodable) {
                status = 400;
                lines.append("UNDECODABLE ").append(undecodable).append('\n');
            }
            synchronized (OtlpReceiver.class) {
                Files.writeString(out, lines.toString().replace("\r", ""), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue().replace("\n", "\\n");
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            default -> v.getValueCase().name();
        };
    }
}
