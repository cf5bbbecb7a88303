package io.minyi.intake.search.index;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.UUID;

/** Where this instance keeps its search index: {@code minyi.search.dir}, else a fresh directory under the temp dir. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean(destroyMethod = "close")
    ReportIndex reportIndex(@Value("${minyi.search.dir:}") String dir) {
        Path path = dir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "minyi-search-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8))
                : Path.of(dir);
        return new ReportIndex(path);
    }
}
