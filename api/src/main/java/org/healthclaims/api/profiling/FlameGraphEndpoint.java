package org.healthclaims.api.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import one.profiler.AsyncProfiler;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/flamegraph?seconds=10&event=cpu}: profiles this server with async-profiler while it serves
 * and answers an HTML flame graph, to find the slow function under real load. Not exposed unless the operator adds
 * it ({@code MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,info,flamegraph}); one profile runs at a time.
 */
@Component
@Endpoint(id = "flamegraph")
class FlameGraphEndpoint {

    private static final Set<String> EVENTS = Set.of("cpu", "itimer", "wall", "alloc", "lock");
    private static final Duration LONGEST = Duration.ofMinutes(2);

    private final ReentrantLock running = new ReentrantLock();

    @ReadOperation(produces = "text/html")
    WebEndpointResponse<String> profile(@Nullable Integer seconds, @Nullable String event)
            throws IOException, InterruptedException {
        int length = seconds == null ? 10 : seconds;
        String kind = event == null ? "cpu" : event;
        if (length < 1 || length > LONGEST.toSeconds())
            return new WebEndpointResponse<>("seconds must be 1.." + LONGEST.toSeconds(), 400);
        if (!EVENTS.contains(kind)) return new WebEndpointResponse<>("event must be one of " + EVENTS, 400);
        if (!running.tryLock()) return new WebEndpointResponse<>("a profile is already running", 409);
        Path html = Files.createTempFile("flamegraph", ".html");
        try {
            onPlatformThread("start,event=" + kind + ",interval=" + (kind.equals("alloc") ? "512k" : "1ms"));
            try {
                Thread.sleep(Duration.ofSeconds(length));
            } finally {
                onPlatformThread("stop,file=" + html);
            }
            return new WebEndpointResponse<>(Files.readString(html), 200);
        } finally {
            Files.deleteIfExists(html);
            running.unlock();
        }
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
