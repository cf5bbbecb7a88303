package io.minyi.intake.search.index;

import io.minyi.intake.lucene.ScratchDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Where this instance keeps its search index: {@code minyi.search.dir}, else a fresh directory under the temp dir. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean(destroyMethod = "close")
    ReportIndex reportIndex(@Value("${minyi.search.dir:}") String dir) {
        return new ReportIndex(ScratchDirectory.path(dir, "search"));
    }
}
