package io.fluxo.examples;

import static io.fluxo.api.functions.avg;
import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.desc;
import static io.fluxo.api.functions.round;
import static io.fluxo.api.functions.sum;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import java.util.List;

/** A batch query: a table of orders joined with customers, aggregated per country, ordered by revenue. */
public final class BatchQuickstart {
    private BatchQuickstart() {
    }

    public static void main(String[] args) {
        try (Session spark = Session.builder().appName("quickstart").create()) {
            DataFrame orders = spark.createDataFrame(List.of(
                    Row.of(1L, "ana", 2, 10.0), Row.of(2L, "bia", 1, 99.5), Row.of(3L, "ana", 5, 3.0),
                    Row.of(4L, "caio", 3, 20.0), Row.of(5L, "bia", 1, 0.5)),
                    io.fluxo.sql.SqlParser.parseTableSchema("id BIGINT, customer STRING, qty INT, price DOUBLE"));
            DataFrame customers = spark.createDataFrame(List.of(
                    Row.of("ana", "BR"), Row.of("bia", "PT"), Row.of("caio", "BR")),
                    io.fluxo.sql.SqlParser.parseTableSchema("customer STRING, country STRING"));

            DataFrame revenue = orders
                    .withColumn("amount", col("qty").multiply(col("price")))
                    .join(customers, "customer")
                    .groupBy("country")
                    .agg(sum("amount").as("revenue"), count("*").as("orders"), round(avg("amount"), 2).as("avg"))
                    .orderBy(desc("revenue"));
            revenue.show();
            System.out.println("Top country: " + revenue.first().getString(0));
        }
    }
}
