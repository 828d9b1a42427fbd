package io.convosowarehouse.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opentest4j.TestAbortedException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium run as a process on a local page: the DOM after loading, a screenshot,
 * the page's console messages and every URL Chromium's network stack was asked for; and, for a page
 * whose hover text its script writes, the pointer moved over its elements through the DevTools
 * protocol (Java's own WebSocket client). Chosen over WebDriver: the command line and one protocol
 * socket give all a test checks, with no extra dependency and no driver version to match.
 */
public final class HeadlessChromium {

    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[^\\]]*\\] (.*)");
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]*)\"");
    /** Chromium's own service calls (clock, updates, sign-in), made whatever the page is; not the page's requests. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BROWSER_SERVICE = Pattern.compile("https?://[^/]*(google\\.com|googleapis\\.com|gvt1\\.com)(/.*)?");

    /** What Chromium showed and did for one page. */
    public record Visit(String dom, List<String> consoleMessages, List<String> requestedUrls) {

        /** How many times the pattern occurs in the DOM, e.g. how many elements of one class there are. */
        public int count(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(dom);
            int found = 0;
            while (matcher.find()) {
                found++;
            }
            return found;
        }
    }

    private final String executable;
    private final Path workDirectory;

    private HeadlessChromium(String executable, Path workDirectory) {
        this.executable = executable;
        this.workDirectory = workDirectory;
    }

    /**
     * The installed Chromium, working in {@code workDirectory}. Without one the browser tests are
     * skipped on a developer's machine and fail in CI (CI=true), where .ci/run installs it.
     */
    public static HeadlessChromium forTests(Path workDirectory) {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return new HeadlessChromium(candidate, workDirectory);
            }
        }
        String missing = "no Chromium at /usr/bin/chromium: the browser tests need it;"
                + " install it with 'apt-get install -y chromium' (.ci/run does)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        throw new TestAbortedException(missing);
    }

    /** Loads the page and returns its DOM, console messages and the URLs it made Chromium request. */
    public Visit visit(Path page) {
        Path netLog = workDirectory.resolve("netlog-" + System.nanoTime() + ".json");
        Run run = run(List.of("--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog, "--dump-dom",
                page.toAbsolutePath().toUri().toString()));
        List<String> console = new ArrayList<>();
        Matcher consoleLine = CONSOLE.matcher(run.err());
        while (consoleLine.find()) {
            console.add(consoleLine.group(1));
        }
        List<String> urls = new ArrayList<>();
        try {
            Matcher url = URL.matcher(Files.readString(netLog, StandardCharsets.UTF_8));
            while (url.find()) {
                if (!BROWSER_SERVICE.matcher(url.group(1)).matches() && !urls.contains(url.group(1))) {
                    urls.add(url.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Chromium wrote no network log at " + netLog, e);
        }
        return new Visit(run.out(), console, urls);
    }

    /** Writes a PNG of the page as a window of the given size shows it. */
    public void screenshot(Path page, Path png, int width, int height) {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars",
                page.toAbsolutePath().toUri().toString()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot at " + png);
        }
    }

    /**
     * The CPU time, in seconds, of the page's renderer main thread (parsing, script, style, layout,
     * paint) while Chromium loads the page and takes a screenshot of it, from Chromium's own trace:
     * the thread's time in its tasks, which a busy machine stretches far less than wall time.
     */
    public double rendererMainThreadCpuSec(Path page, int width, int height) {
        Path trace = workDirectory.resolve("trace-" + System.nanoTime() + ".json");
        run(List.of("--trace-startup=devtools.timeline,disabled-by-default-devtools.timeline", "--trace-startup-format=json", "--trace-startup-file=" + trace,
                "--trace-startup-duration=120", "--screenshot=" + workDirectory.resolve("traced.png").toAbsolutePath(),
                "--window-size=" + width + "," + height, "--hide-scrollbars", page.toAbsolutePath().toUri().toString()));
        JsonNode events = JSON.readTree(trace.toFile()).get("traceEvents");
        List<String> mainThreads = new ArrayList<>();
        for (JsonNode event : events) {
            if ("thread_name".equals(event.path("name").asString()) && "CrRendererMain".equals(event.path("args").path("name").asString())) {
                mainThreads.add(event.get("pid").asLong() + "/" + event.get("tid").asLong());
            }
        }
        // the thread's top-level tasks: a task run inside another is already in the outer one's time
        List<long[]> tasks = new ArrayList<>();
        for (JsonNode event : events) {
            if ("RunTask".equals(event.path("name").asString()) && "X".equals(event.path("ph").asString())
                    && mainThreads.contains(event.get("pid").asLong() + "/" + event.get("tid").asLong())) {
                tasks.add(new long[] {event.get("ts").asLong(), event.get("ts").asLong() + event.path("dur").asLong(),
                        event.path("tdur").asLong()});
            }
        }
        tasks.sort((a, b) -> Long.compare(a[0], b[0]));
        long cpuMicros = 0;
        long coveredUntil = Long.MIN_VALUE;
        for (long[] task : tasks) {
            if (task[0] >= coveredUntil) {
                cpuMicros += task[2];
                coveredUntil = task[1];
            }
        }
        return cpuMicros / 1e6;
    }

    /** An element the pointer was moved over and the text the page showed for it. */
    public record Hover(String element, String text) {
    }

    /**
     * Opens the page in a window of 1450 × 900, and for each element the CSS selector matches scrolls
     * it into view, moves the pointer over its middle as a person's mouse would, and reads what the
     * element the second selector names shows then (its text, or null while it is hidden).
     */
    public List<Hover> hover(Path page, String elements, String shown) {
        try (DevTools devTools = DevTools.open(executable, workDirectory, page)) {
            int count = devTools.evaluate("document.querySelectorAll(" + quote(elements) + ").length").asInt();
            List<Hover> hovers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                JsonNode element = devTools.evaluate("(() => { const e = document.querySelectorAll(" + quote(elements) + ")[" + i
                        + "]; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                        + " return {html: e.outerHTML, x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
                devTools.send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", element.get("x").asDouble(), "y",
                        element.get("y").asDouble()));
                JsonNode text = devTools.evaluate("(() => { const e = document.querySelector(" + quote(shown)
                        + "); return e && getComputedStyle(e).display !== 'none' ? e.textContent : null; })()");
                hovers.add(new Hover(element.get("html").asString(), text.isNull() ? null : text.asString()));
            }
            return hovers;
        }
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    /** One Chromium with its DevTools socket on the page's tab: commands sent one at a time, each awaited. */
    private static final class DevTools implements AutoCloseable {

        private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

        private final Process process;
        private final WebSocket socket;
        private final Map<Integer, CompletableFuture<JsonNode>> replies;
        private final AtomicInteger ids = new AtomicInteger();

        private DevTools(Process process, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> replies) {
            this.process = process;
            this.socket = socket;
            this.replies = replies;
        }

        static DevTools open(String executable, Path workDirectory, Path page) {
            Process process = null;
            try {
                Path profile = Files.createTempDirectory(workDirectory, "chromium-profile");
                process = new ProcessBuilder(executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                        "--remote-debugging-port=0", "--window-size=1450,900", "--hide-scrollbars", page.toAbsolutePath().toUri().toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String browserUrl = listeningUrl(process);
                URI list = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*", "http://$1/json/list"));
                HttpClient http = HttpClient.newHttpClient();
                String pageUrl = null;
                for (int attempt = 0; pageUrl == null && attempt < 100; attempt++) {
                    for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
                            HttpResponse.BodyHandlers.ofString()).body())) {
                        if ("page".equals(target.get("type").asString()) && target.get("url").asString().startsWith("file:")) {
                            pageUrl = target.get("webSocketDebuggerUrl").asString();
                        }
                    }
                    if (pageUrl == null) {
                        Thread.sleep(100);
                    }
                }
                if (pageUrl == null) {
                    throw new IllegalStateException("Chromium opened no tab for " + page);
                }
                Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
                WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Replies(replies)).get(30, TimeUnit.SECONDS);
                DevTools devTools = new DevTools(process, socket, replies);
                // the tab starts on about:blank, complete at once: wait for the page's own document
                for (int attempt = 0; !devTools.evaluate("location.protocol === 'file:' && document.readyState === 'complete'")
                        .asBoolean(); attempt++) {
                    if (attempt == 600) {
                        throw new IllegalStateException("the page did not finish loading within 60 s: " + page);
                    }
                    Thread.sleep(100);
                }
                return devTools;
            } catch (IOException e) {
                if (process != null) {
                    process.destroyForcibly();
                }
                throw new UncheckedIOException("cannot run " + executable, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while Chromium started", e);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("no DevTools connection to Chromium", e);
            }
        }

        private static String listeningUrl(Process process) throws IOException {
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    // keep draining Chromium's log so it never blocks on a full pipe
                    Thread drain = new Thread(() -> err.lines().forEach(ignored -> { }), "chromium-log");
                    drain.setDaemon(true);
                    drain.start();
                    return listening.group(1);
                }
            }
            throw new IllegalStateException("Chromium ended without opening its DevTools socket");
        }

        JsonNode evaluate(String expression) {
            JsonNode reply = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (reply.has("exceptionDetails")) {
                throw new IllegalStateException("the page's JavaScript failed: " + reply.get("exceptionDetails"));
            }
            JsonNode value = reply.get("result").get("value");
            return value == null ? JSON.nullNode() : value;
        }

        JsonNode send(String method, Map<String, Object> params) {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            replies.put(id, reply);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            try {
                JsonNode answer = reply.get(60, TimeUnit.SECONDS);
                if (answer.has("error")) {
                    throw new IllegalStateException(method + " failed: " + answer.get("error"));
                }
                return answer.get("result");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Chromium", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Chromium did not answer " + method, e);
            }
        }

        @Override
        public void close() {
            socket.abort();
            process.destroyForcibly();
        }
    }

    /** Hands each reply of the DevTools socket to the command that waits for it; events are not needed. */
    private static final class Replies implements WebSocket.Listener {

        private final Map<Integer, CompletableFuture<JsonNode>> waiting;
        private final StringBuilder message = new StringBuilder();

        Replies(Map<Integer, CompletableFuture<JsonNode>> waiting) {
            this.waiting = waiting;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
            message.append(part);
            if (last) {
                JsonNode answer = JSON.readTree(message.toString());
                message.setLength(0);
                if (answer.has("id")) {
                    CompletableFuture<JsonNode> reply = waiting.remove(answer.get("id").asInt());
                    if (reply != null) {
                        reply.complete(answer);
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }

    private record Run(String out, String err) {
    }

    private Run run(List<String> arguments) {
        try {
            Path profile = Files.createTempDirectory(workDirectory, "chromium-profile");
            List<String> command = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(arguments);
            Path out = workDirectory.resolve("chromium-" + System.nanoTime() + ".out");
            Path err = workDirectory.resolve("chromium-" + System.nanoTime() + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within 120 s: " + command);
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium ran", e);
        }
    }
}
