package org.healthclaims.api.profiling;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import one.profiler.AsyncProfiler;
import org.healthclaims.api.security.Administrators;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/flamegraph?seconds=10&event=cpu}: profiles this server with async-profiler while it serves
 * and answers an HTML flame graph, to find the slow function under real load. For IMIS administrators only (a
 * profile shows the code and slows the server a little while it runs): 401 without a valid token, 403 for anyone
 * else. One profile runs at a time (409 meanwhile). {@code event}: cpu (perf events; where the kernel refuses them
 * async-profiler falls back to itimer), itimer, wall (every thread, waiting included: where requests wait), alloc
 * (bytes allocated) or lock.
 */
@RestController
class FlameGraphController {

    private static final Set<String> EVENTS = Set.of("cpu", "itimer", "wall", "alloc", "lock");
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private final Administrators administrators;
    private final ReentrantLock running = new ReentrantLock();

    FlameGraphController(Administrators administrators) {
        this.administrators = administrators;
    }

    @GetMapping("/api/admin/flamegraph")
    ResponseEntity<String> profile(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable Integer seconds,
            @RequestParam(required = false) @Nullable String event)
            throws IOException, InterruptedException {
        switch (administrators.of(request)) {
            case NOT_AUTHENTICATED -> {
                return plain(401, "a flame graph needs an administrator's token (Authorization: JWT <token>)");
            }
            case NOT_AN_ADMINISTRATOR -> {
                return plain(403, "a flame graph is for IMIS administrators only");
            }
            case ADMINISTRATOR -> {}
        }
        int length = seconds == null ? 10 : seconds;
        String kind = event == null ? "cpu" : event;
        if (length < 1 || length > LONGEST.toSeconds()) return plain(400, "seconds must be 1.." + LONGEST.toSeconds());
        if (!EVENTS.contains(kind)) return plain(400, "event must be one of " + EVENTS);
        if (!running.tryLock()) return plain(409, "a profile is already running");
        Path html = Files.createTempFile("flamegraph", ".html");
        try {
            // wall samples every thread, sleeping ones too: a longer interval keeps its overhead near cpu's
            String interval = switch (kind) {
                case "alloc" -> "512k";
                case "wall" -> "5ms";
                default -> "1ms";
            };
            onPlatformThread("start,event=" + kind + ",interval=" + interval);
            try {
                Thread.sleep(Duration.ofSeconds(length));
            } finally {
                onPlatformThread("stop,file=" + html);
            }
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Files.readString(html));
        } finally {
            Files.deleteIfExists(html);
            running.unlock();
        }
    }

    private static ResponseEntity<String> plain(int status, String message) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE)
                .body(message);
    }

    /**
     * async-profiler finds the calling JVM thread through the Java thread's native peer, which a virtual thread (all
     * our request threads) does not have ("Could not find VMThread bridge"): its commands run on a platform thread.
     */
    private static void onPlatformThread(String command) throws InterruptedException, IOException {
        Exception[] failure = new Exception[1];
        Thread thread = Thread.ofPlatform().name("async-profiler").start(() -> {
            try {
                AsyncProfiler.getInstance().execute(command);
            } catch (IOException | RuntimeException e) {
                failure[0] = e;
            }
        });
        thread.join();
        switch (failure[0]) {
            case null -> {}
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            default -> throw new IllegalStateException(failure[0]);
        }
    }
}
