package dev.dockenv.resolve;

import dev.dockenv.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The package indexes over HTTP: each project's page from every index (PEP 691 JSON where served,
 * else the HTML page), a file's metadata from the index's PEP 658 copy or, without one, from the
 * wheel itself. Metadata is kept in {@code cacheDir} by the file's sha256, so a file is read once;
 * pages are read once per resolution.
 *
 * <p>A page is asked for as soon as it is likely to be needed, not when the resolver gets to it:
 * when a file's metadata is read, the pages of the projects it requires (those not needed for an
 * extra only) are fetched in the background, a few at a time, so that a resolution waits for about
 * one round trip a level of its dependency tree rather than one a project. {@link #close} stops
 * what is still running.
 */
public final class HttpIndexProjects implements IndexProjects, AutoCloseable {
    /** Pages fetched at once in the background. */
    private static final int PREFETCHES = 4;
    private static final Pattern METADATA_ENTRY = Pattern.compile("[^/]+\\.dist-info/METADATA");

    private final List<String> indexUrls;
    private final Function<String, Optional<String>> authorization;
    private final Path cacheDir;
    private final IndexHttp http;
    private final Map<String, CompletableFuture<List<ProjectPage.ProjectFile>>> pages = new HashMap<>();
    private ExecutorService prefetcher;
    private int metadataReads;

    /**
     * @param authorization the Authorization header for a URL, when its host has credentials
     * @param cacheDir where metadata is kept between resolutions
     */
    public HttpIndexProjects(List<String> indexUrls, Function<String, Optional<String>> authorization, Path cacheDir) {
        this(indexUrls, authorization, cacheDir, IndexProxies.NONE);
    }

    /** @param proxies the proxies of the host's environment */
    public HttpIndexProjects(List<String> indexUrls, Function<String, Optional<String>> authorization, Path cacheDir,
            IndexProxies proxies) {
        this.indexUrls = List.copyOf(indexUrls);
        this.authorization = authorization;
        this.cacheDir = cacheDir;
        this.http = new IndexHttp(Duration.ofSeconds(20), Duration.ofSeconds(120), proxies);
    }

    @Override
    public List<ProjectPage.ProjectFile> files(String project) {
        CompletableFuture<List<ProjectPage.ProjectFile>> page;
        boolean mine = false;
        synchronized (this) {
            page = pages.get(project);
            if (page == null) {
                page = new CompletableFuture<>();
                pages.put(project, page);
                mine = true;
            }
        }
        if (mine) {
            try {
                page.complete(pagesOf(project));
            } catch (RuntimeException e) {
                page.completeExceptionally(e);
            }
        }
        try {
            return page.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Starts fetching these projects' pages in the background (the first is left to the caller). */
    @Override
    public void expect(java.util.Collection<String> projects) {
        projects.stream().skip(1).forEach(this::prefetch);
    }

    /** Starts fetching a project's page in the background, unless it is fetched or asked for already. */
    private synchronized void prefetch(String project) {
        if (pages.containsKey(project)) {
            return;
        }
        if (prefetcher == null) {
            prefetcher = Executors.newFixedThreadPool(PREFETCHES, r -> {
                Thread t = new Thread(r, "dockenv-index-prefetch");
                t.setDaemon(true);
                return t;
            });
        }
        try {
            pages.put(project, CompletableFuture.supplyAsync(() -> pagesOf(project), prefetcher));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the resolver fetches it itself if it needs it
        }
    }

    /** The project's files on every index, in index order. */
    private List<ProjectPage.ProjectFile> pagesOf(String project) {
        List<ProjectPage.ProjectFile> all = new ArrayList<>();
        for (String index : indexUrls) {
            all.addAll(page(index.replaceAll("/+$", "") + "/" + project + "/"));
        }
        return List.copyOf(all);
    }

    /**
     * Stops the background fetches: those not started are dropped, those under way are waited for
     * (a few seconds at most). A thread left reading a socket would hold the JVM's exit for 300 ms.
     */
    @Override
    public void close() {
        ExecutorService running;
        synchronized (this) {
            running = prefetcher;
            if (running == null) {
                return;
            }
            running.shutdownNow();
            pages.values().removeIf(page -> !page.isDone()); // a dropped fetch is made again if asked for
        }
        try {
            running.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many metadata files were read from an index (not from the cache): for the tests and the report. */
    public synchronized int metadataReads() {
        return metadataReads;
    }

    private List<ProjectPage.ProjectFile> page(String url) {
        try (IndexHttp.Response response = http.get(url, Optional.of(ProjectPage.ACCEPT), authorization)) {
            if (response.status() == 404) {
                return List.of();
            }
            if (response.status() != 200) {
                throw new IndexUnreadableException(url + " answered " + response.status());
            }
            return ProjectPage.parse(response.text(), response.contentType().orElse("text/html"), response.uri());
        } catch (IOException e) {
            throw new IndexUnreadableException("cannot read " + url + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<CoreMetadata> metadata(ProjectPage.ProjectFile file) {
        if (!file.isWheel() && !file.coreMetadata()) {
            return Optional.empty();
        }
        Optional<Path> cached = file.sha256().filter(h -> h.matches("[0-9a-f]{64}")).map(h -> cacheDir.resolve(h + ".METADATA"));
        if (cached.isPresent() && Files.isRegularFile(cached.get())) {
            try {
                return Optional.of(prefetchRequirements(CoreMetadata.parse(Files.readString(cached.get(),
                        StandardCharsets.UTF_8))));
            } catch (IOException e) {
                // read it again from the index
            }
        }
        String text = file.coreMetadata() ? fetchText(file.url() + ".metadata") : fromWheel(file);
        synchronized (this) {
            metadataReads++;
        }
        if (cached.isPresent()) {
            try {
                AtomicFiles.write(cached.get(), text);
            } catch (IOException e) {
                // a cache that cannot be written only makes the next resolution slower
            }
        }
        return Optional.of(prefetchRequirements(CoreMetadata.parse(text)));
    }

    /** Starts fetching the pages of what the metadata requires (an extra's requirements left out); returns it. */
    private CoreMetadata prefetchRequirements(CoreMetadata metadata) {
        for (dev.dockenv.pep.Requirement r : metadata.requiresDist()) {
            if (r.marker().map(m -> !m.toString().contains("extra")).orElse(true)) {
                prefetch(r.normalizedName());
            }
        }
        return metadata;
    }

    private String fetchText(String url) {
        try (IndexHttp.Response response = http.get(url, Optional.empty(), authorization)) {
            if (response.status() != 200) {
                throw new IndexUnreadableException(url + " answered " + response.status());
            }
            return response.text();
        } catch (IOException e) {
            throw new IndexUnreadableException("cannot read " + url + ": " + e.getMessage());
        }
    }

    /** The wheel downloaded to a temporary file, its METADATA read, the file removed. */
    private String fromWheel(ProjectPage.ProjectFile file) {
        Path wheel = null;
        try {
            Files.createDirectories(cacheDir);
            wheel = Files.createTempFile(cacheDir, "wheel-", ".whl");
            try (IndexHttp.Response response = http.get(file.url(), Optional.empty(), authorization)) {
                if (response.status() != 200) {
                    throw new IndexUnreadableException(file.url() + " answered " + response.status());
                }
                Files.copy(response.body(), wheel, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile zip = new ZipFile(wheel.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (METADATA_ENTRY.matcher(entry.getName()).matches()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            throw new IndexUnreadableException(file.fileName() + " has no .dist-info/METADATA");
        } catch (IOException e) {
            throw new IndexUnreadableException("cannot read " + file.url() + ": " + e.getMessage());
        } finally {
            if (wheel != null) {
                try {
                    Files.deleteIfExists(wheel);
                } catch (IOException e) {
                    // a temporary file left in the cache
                }
            }
        }
    }

    /** An index that cannot be read: the resolution falls back to pip, which reports it in its own words. */
    public static final class IndexUnreadableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IndexUnreadableException(String message) {
            super(message);
        }
    }
}
