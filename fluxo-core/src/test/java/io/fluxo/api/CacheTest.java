package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cache()}: computed once by the first query that needs it, then read from memory until unpersisted. */
class CacheTest {

    @Test
    void aCachedDataFrameIsComputedOnceAndKeepsItsRowsUntilUnpersisted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.json");
        Files.writeString(file, "{\"user\":\"ana\"}\n");
        try (Session spark = Session.builder().create()) {
            DataFrame users = spark.read().schema("user STRING").json(dir.toString());
            assertThat(users.cache()).isSameAs(users);
            assertThat(users.isCached()).isTrue();
            assertThat(users.count()).isEqualTo(1);
            Files.writeString(file, "{\"user\":\"ana\"}\n{\"user\":\"bia\"}\n");
            assertThat(users.count()).as("read from memory").isEqualTo(1);
            assertThat(users.filter("user = 'ana'").count()).as("a query built on it reads it too").isEqualTo(1);
            users.unpersist();
            assertThat(users.count()).as("computed again").isEqualTo(2);
        }
    }

    @Test
    void aStaticSideIsReadAgainEachMicroBatchUnlessItIsCached(@TempDir Path dir) throws Exception {
        for (boolean cached : new boolean[] {false, true}) {
            Path tables = Files.createDirectories(dir.resolve("t" + cached));
            Path file = tables.resolve("users.json");
            Files.writeString(file, "{\"user\":\"ana\",\"country\":\"BR\"}\n");
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            try (Session spark = Session.builder().create()) {
                DataFrame users = spark.read().schema("user STRING, country STRING").json(tables.toString());
                if (cached) {
                    users.cache();
                }
                MemoryStream events = MemoryStream.create(spark, "user STRING");
                StreamingQuery q = events.toDF().join(users, "user").writeStream()
                        .option("checkpointLocation", dir.resolve("chk" + cached).toString())
                        .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.toList().toString())))
                        .start();
                events.addData(Row.of("ana"));
                q.processAllAvailable();
                Files.writeString(file, "{\"user\":\"ana\",\"country\":\"PT\"}\n");
                events.addData(Row.of("ana"));
                q.processAllAvailable();
                // A new file in the folder: the next batch lists the folder again and joins with it.
                Files.writeString(tables.resolve("more.json"), "{\"user\":\"bia\",\"country\":\"UY\"}\n");
                events.addData(Row.of("bia"));
                q.processAllAvailable();
                q.stop();
            }
            assertThat(out).as(cached ? "cached" : "not cached").containsExactlyElementsOf(cached
                    ? List.of("[ana, BR]", "[ana, BR]") : List.of("[ana, BR]", "[ana, PT]", "[bia, UY]"));
        }
    }

    @Test
    void aStreamingDataFrameCannotBeCached() {
        try (Session spark = Session.builder().create()) {
            DataFrame stream = MemoryStream.create(spark, "a INT").toDF();
            assertThatThrownBy(stream::cache).hasMessageContaining("cannot be cached");
        }
    }
}
