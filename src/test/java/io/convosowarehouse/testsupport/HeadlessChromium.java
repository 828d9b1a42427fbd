package io.convosowarehouse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opentest4j.TestAbortedException;

/**
 * Debian's headless Chromium run as a process on a local page: the DOM after loading, a screenshot,
 * the page's console messages and every URL Chromium's network stack was asked for. Chosen over
 * WebDriver because the pages carry no script to drive: the command line gives all a test checks,
 * with no extra dependency and no driver version to match.
 */
public final class HeadlessChromium {

    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[^\\]]*\\] (.*)");
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]*)\"");
    /** Chromium's own service calls (clock, updates, sign-in), made whatever the page is; not the page's requests. */
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
