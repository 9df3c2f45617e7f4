package dev.undertone.app.testing;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Jetstream {@code /subscribe} server on 127.0.0.1 written on plain sockets, so tests control
 * every byte: the handshake (or an HTTP error instead), whole, fragmented or torn frames, a close
 * with or without a close frame, a stall. Each connection runs the next {@link Script} (the last
 * one repeats). It answers the client's pings and close frames.
 */
public final class JetstreamTestServer implements AutoCloseable {

    /** What the server does on one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Conn c) throws Exception;
    }

    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<Script> scripts;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Throwable> scriptErrors = Collections.synchronizedList(new ArrayList<>());

    private JetstreamTestServer(List<Script> scripts) throws IOException {
        this.scripts = List.copyOf(scripts);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "jetstream-test-server");
        t.setDaemon(true);
        t.start();
    }

    /** Starts a server running {@code scripts} on successive connections. */
    public static JetstreamTestServer start(Script... scripts) throws IOException {
        return new JetstreamTestServer(List.of(scripts));
    }

    /** The {@code ws://127.0.0.1:port/subscribe} URL. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/subscribe");
    }

    /** The request targets received, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Failures inside scripts other than the client going away. */
    public List<Throwable> scriptErrors() {
        synchronized (scriptErrors) {
            return List.copyOf(scriptErrors);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                int n = connections.getAndIncrement();
                Script script = scripts.get(Math.min(n, scripts.size() - 1));
                Thread t = new Thread(() -> serve(s, script), "jetstream-test-conn-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, Script script) {
        try (s) {
            Conn c = new Conn(s);
            c.readRequest();
            requests.add(c.target);
            script.run(c);
        } catch (IOException e) {
            // the client went away: that is what many scripts provoke
        } catch (Exception e) {
            scriptErrors.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** One client connection, seen from the server. */
    public final class Conn {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final CountDownLatch clientGone = new CountDownLatch(1);
        private String target;
        private String key;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        private void readRequest() throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String l = line.toString().strip();
                    if (l.isEmpty()) {
                        break;
                    }
                    lines.add(l);
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
            if (lines.isEmpty()) {
                throw new IOException("no request");
            }
            target = lines.get(0).split(" ")[1];
            for (String l : lines) {
                if (l.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = l.substring(l.indexOf(':') + 1).strip();
                }
            }
        }

        /** The request target, e.g. {@code /subscribe?wantedCollections=...}. */
        public String target() {
            return target;
        }

        /** The query parameters (repeated keys keep every value). */
        public Map<String, List<String>> query() {
            Map<String, List<String>> q = new LinkedHashMap<>();
            int i = target.indexOf('?');
            if (i < 0) {
                return q;
            }
            for (String kv : target.substring(i + 1).split("&")) {
                String[] p = kv.split("=", 2);
                q.computeIfAbsent(p[0], k -> new ArrayList<>())
                        .add(p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
            return q;
        }

        /** The {@code cursor} parameter, or -1. */
        public long cursor() {
            List<String> v = query().get("cursor");
            return v == null ? -1 : Long.parseLong(v.get(0));
        }

        /** Refuses the upgrade with an HTTP status, as a server does for a bad query. */
        public void reject(int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(
                    ("HTTP/1.1 "
                                    + status
                                    + " Refused\r\nContent-Length: "
                                    + b.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
        }

        /** Completes the WebSocket handshake and starts answering pings and close frames. */
        public void accept() throws IOException {
            String accept;
            try {
                accept =
                        Base64.getEncoder()
                                .encodeToString(
                                        MessageDigest.getInstance("SHA-1")
                                                .digest(
                                                        (key + WS_GUID)
                                                                .getBytes(
                                                                        StandardCharsets
                                                                                .US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            out.write(
                    ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                                    + accept
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread reader = new Thread(this::readFrames, "jetstream-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void readFrames() {
            DataInputStream d = new DataInputStream(in);
            try {
                while (true) {
                    int b0 = d.readUnsignedByte();
                    int b1 = d.readUnsignedByte();
                    long len = b1 & 0x7f;
                    if (len == 126) {
                        len = d.readUnsignedShort();
                    } else if (len == 127) {
                        len = d.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        d.readFully(mask);
                    }
                    byte[] payload = new byte[(int) len];
                    d.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int op = b0 & 0x0f;
                    if (op == 0x9) {
                        frame(0x80 | 0xA, payload, true);
                    } else if (op == 0x8) {
                        frame(0x80 | 0x8, payload, true);
                        break;
                    }
                }
            } catch (IOException e) {
                // the client is gone
            } finally {
                clientGone.countDown();
            }
        }

        private synchronized void frame(int b0, byte[] payload, boolean flush) throws IOException {
            out.write(header(b0, payload.length));
            out.write(payload);
            if (flush) {
                out.flush();
            }
        }

        private byte[] header(int b0, int len) {
            if (len < 126) {
                return new byte[] {(byte) b0, (byte) len};
            }
            if (len <= 0xffff) {
                return new byte[] {(byte) b0, 126, (byte) (len >>> 8), (byte) len};
            }
            byte[] h = new byte[10];
            h[0] = (byte) b0;
            h[1] = 127;
            for (int i = 0; i < 8; i++) {
                h[9 - i] = (byte) ((long) len >>> (8 * i));
            }
            return h;
        }

        /** Sends one text message and flushes. */
        public void text(byte[] payload) throws IOException {
            frame(0x81, payload, true);
        }

        /** Sends one text message without flushing (for throughput). */
        public void textBuffered(byte[] payload) throws IOException {
            frame(0x81, payload, false);
        }

        /** Flushes buffered messages. */
        public synchronized void flush() throws IOException {
            out.flush();
        }

        /** Sends one binary message (a compressed event). */
        public void binary(byte[] payload) throws IOException {
            frame(0x82, payload, true);
        }

        /** Sends one text message as several WebSocket fragments. */
        public synchronized void fragmented(byte[] payload, int parts) throws IOException {
            int size = Math.max(1, payload.length / parts);
            for (int off = 0, i = 0; off < payload.length; off += size, i++) {
                int end = Math.min(payload.length, off + size);
                boolean last = end == payload.length;
                int op = i == 0 ? 0x1 : 0x0;
                out.write(header((last ? 0x80 : 0) | op, end - off));
                out.write(payload, off, end - off);
                out.flush();
            }
        }

        /** Sends one text message in two TCP writes, split inside the frame header or payload. */
        public synchronized void torn(byte[] payload, int splitAt) throws IOException {
            byte[] h = header(0x81, payload.length);
            byte[] all = new byte[h.length + payload.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(payload, 0, all, h.length, payload.length);
            int cut = Math.min(Math.max(1, splitAt), all.length - 1);
            out.write(all, 0, cut);
            out.flush();
            out.write(all, cut, all.length - cut);
            out.flush();
        }

        /** Sends a close frame with a code and reason, then closes the socket. */
        public void close(int code, String reason) throws IOException {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] p = new byte[2 + r.length];
            p[0] = (byte) (code >>> 8);
            p[1] = (byte) code;
            System.arraycopy(r, 0, p, 2, r.length);
            frame(0x88, p, true);
            socket.close();
        }

        /** Closes the socket with no close frame, as Jetstream does to a slow subscriber. */
        public void drop() throws IOException {
            flush();
            socket.close();
        }

        /** Sends nothing more until the client leaves or the server stops (bounded: 60 s). */
        public void stall() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (clientGone.getCount() > 0
                    && closing.getCount() > 0
                    && System.nanoTime() < deadline) {
                clientGone.await(50, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The {@code time_us} of a fixture event line. */
    public static long timeUs(byte[] event) {
        String s = new String(event, StandardCharsets.UTF_8);
        int i = s.indexOf("\"time_us\":") + "\"time_us\":".length();
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        return Long.parseLong(s.substring(i, j));
    }

    /** The events at or after {@code cursor} (all when -1), as a v1 server replays them. */
    public static List<byte[]> from(List<byte[]> events, long cursor) {
        if (cursor < 0) {
            return events;
        }
        return events.stream().filter(e -> timeUs(e) >= cursor).toList();
    }
}
