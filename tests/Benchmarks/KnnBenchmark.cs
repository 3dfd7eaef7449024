using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// The product index at scale: synthetic catalogs of N views at the real widths (512 appearance floats and
/// the real colour histogram), four views a product as catalog photos give, spread over four kinds, stored
/// through the real <see cref="SqliteProductIndex"/> (sqlite-vec). Each query is one view of a random
/// product, perturbed as a video frame would be, searched by the real <c>SearchAsync</c> (the k-NN filtered
/// by kind, then the rerank). Reported per size: p50 and p99 latency, recall@5 against exact search (the same
/// rerank over every product of the kind, no k-NN), the time to build, the database's size on disk and the
/// process's peak memory.
/// </summary>
public sealed class KnnBenchmark(IReadOnlyList<int> sizes, int queries)
{
    const int ViewsPerProduct = 4;
    const int K = 5;
    static readonly ItemKind[] Kinds = [ItemKind.Upper, ItemKind.Lower, ItemKind.Full, ItemKind.Bag];

    public async Task<int> RunAsync()
    {
        foreach (var size in sizes)
            Console.WriteLine(JsonSerializer.Serialize(await MeasureAsync(size)));
        return 0;
    }

    async Task<Dictionary<string, object>> MeasureAsync(int views)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sv-knn-{Guid.NewGuid():N}")).FullName;
        var database = Path.Combine(folder, "index.db");
        try
        {
            await using var provider = new ServiceCollection().AddSqliteProductIndex().AddSqliteDatabase(database).BuildServiceProvider();
            var index = provider.GetRequiredService<IProductIndex>();
            var random = new Random(20261207);
            var catalog = new List<ProductViews>(views / ViewsPerProduct);

            var build = Stopwatch.StartNew();
            for (var p = 0; p < views / ViewsPerProduct; p++)
            {
                var kind = Kinds[p % Kinds.Length];
                var product = new ProductViews($"P{p:D7}", kind, Synthetic.ProductViews(random, ViewsPerProduct));
                catalog.Add(product);
                await index.UpsertAsync(new IndexedProductImage(product.ProductId, "bench.csv", $"h{p}", kind, new ItemDescriptor(product.Views)), default);
            }
            build.Stop();
            var databaseBytes = DirectorySize(folder);
            await CopyIntoTheEarlierUnpartitionedTableAsync(database);

            var options = provider.GetRequiredService<MatchingOptions>();
            var latencies = new List<double>(queries);
            var knnLatencies = new List<double>(queries);
            var mappedLatencies = new List<double>(queries);
            var unpartitionedLatencies = new List<double>(queries);
            var found = 0;
            var knnFound = 0;
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
            await connection.OpenAsync();
            // The same k-NN on a connection that maps the file into memory, to see what the page cache costs.
            await using var mapped = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
            await mapped.OpenAsync();
            await using (var pragma = mapped.CreateCommand())
            {
                pragma.CommandText = "PRAGMA mmap_size=4294967296; PRAGMA cache_size=-1048576;";
                await pragma.ExecuteNonQueryAsync();
            }
            // Two warm-up searches, so the first measured one does not pay for opening the file.
            for (var q = -2; q < queries; q++)
            {
                var target = catalog[random.Next(catalog.Count)];
                var query = new ItemDescriptor([Synthetic.Perturbed(random, target.Views[random.Next(target.Views.Count)])]);
                var mappedClock = Stopwatch.StartNew();
                await NearestViewsAsync(mapped, query.Views[0].Appearance, target.Kind, options.CandidateViews);
                mappedClock.Stop();
                var unpartitionedClock = Stopwatch.StartNew();
                await NearestViewsAsync(connection, query.Views[0].Appearance, target.Kind, options.CandidateViews, UnpartitionedTable);
                unpartitionedClock.Stop();
                var knnClock = Stopwatch.StartNew();
                var nearest = await NearestViewsAsync(connection, query.Views[0].Appearance, target.Kind, options.CandidateViews);
                knnClock.Stop();
                var clock = Stopwatch.StartNew();
                var hits = await index.SearchAsync(target.Kind, query, K, default);
                clock.Stop();
                if (q < 0)
                    continue;
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                knnLatencies.Add(knnClock.Elapsed.TotalMilliseconds);
                mappedLatencies.Add(mappedClock.Elapsed.TotalMilliseconds);
                unpartitionedLatencies.Add(unpartitionedClock.Elapsed.TotalMilliseconds);
                knnFound += nearest.Intersect(ExactNearestViews(catalog, query.Views[0].Appearance, target.Kind, options.CandidateViews)).Count();
                var exact = ProductReranker.Rank(query, catalog.Where(c => c.Kind == target.Kind), options.AppearanceWeight, K);
                found += hits.Select(h => h.ProductId).Intersect(exact.Select(e => e.ProductId)).Count();
            }
            latencies.Sort();
            knnLatencies.Sort();
            mappedLatencies.Sort();
            unpartitionedLatencies.Sort();
            using var self = Process.GetCurrentProcess();
            return new Dictionary<string, object>
            {
                ["views"] = views,
                ["products"] = catalog.Count,
                ["queries"] = queries,
                ["knn_p50_ms"] = Math.Round(Percentile(knnLatencies, 0.50), 2),
                ["knn_p99_ms"] = Math.Round(Percentile(knnLatencies, 0.99), 2),
                ["knn_mmap_p50_ms"] = Math.Round(Percentile(mappedLatencies, 0.50), 2),
                ["knn_unpartitioned_p50_ms"] = Math.Round(Percentile(unpartitionedLatencies, 0.50), 2),
                ["knn_unpartitioned_p99_ms"] = Math.Round(Percentile(unpartitionedLatencies, 0.99), 2),
                ["knn_speedup_vs_unpartitioned"] = Math.Round(Percentile(unpartitionedLatencies, 0.50) / Percentile(knnLatencies, 0.50), 2),
                ["knn_recall_vs_exact"] = Math.Round(knnFound / (double)(queries * Math.Min(options.CandidateViews, views / Kinds.Length)), 4),
                ["search_p50_ms"] = Math.Round(Percentile(latencies, 0.50), 2),
                ["search_p99_ms"] = Math.Round(Percentile(latencies, 0.99), 2),
                ["search_recall_at_5_vs_full_rerank"] = Math.Round(found / (double)(queries * K), 4),
                ["build_s"] = Math.Round(build.Elapsed.TotalSeconds, 1),
                ["views_per_s_stored"] = Math.Round(views / build.Elapsed.TotalSeconds),
                ["database_mib"] = Math.Round(databaseBytes / 1048576.0),
                ["peak_working_set_mib"] = self.PeakWorkingSet64 >> 20,
                ["candidate_views"] = options.CandidateViews,
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The layout the index had before its vectors were partitioned by kind, the baseline: every
    /// kind in one table, the kind a metadata column the k-NN filters on.</summary>
    const string UnpartitionedTable = "unpartitioned_view_vectors";

    static async Task CopyIntoTheEarlierUnpartitionedTableAsync(string database)
    {
        await using var copy = new SqliteDatabase(database);
        await copy.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                CREATE VIRTUAL TABLE {UnpartitionedTable} USING vec0(
                    appearance float[{SqliteProductIndex.AppearanceDimensions}] distance_metric=cosine, kind text);
                INSERT INTO {UnpartitionedTable}(rowid, appearance, kind) SELECT rowid, appearance, kind FROM {SqliteProductIndex.VectorTable};
                """;
            await command.ExecuteNonQueryAsync();
        });
    }

    /// <summary>The k-NN as the index runs it (the same SQL shape), returning view ids.</summary>
    static async Task<List<long>> NearestViewsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, float[] appearance, ItemKind kind, int k,
        string table = SqliteProductIndex.VectorTable)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM {table} WHERE appearance MATCH $query AND k = $k AND kind = $kind";
        command.Parameters.AddWithValue("$query", System.Runtime.InteropServices.MemoryMarshal.AsBytes(appearance.AsSpan()).ToArray());
        command.Parameters.AddWithValue("$k", k);
        command.Parameters.AddWithValue("$kind", kind.ToString().ToLowerInvariant());
        var ids = new List<long>(k);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>The same nearest views by brute force. Views were stored in catalog order into a fresh table,
    /// so view i of product p has rowid 4p + i + 1.</summary>
    static IEnumerable<long> ExactNearestViews(List<ProductViews> catalog, float[] appearance, ItemKind kind, int k) =>
        catalog.SelectMany((product, p) => product.Kind != kind ? []
                : product.Views.Select((view, i) => (Id: (long)(ViewsPerProduct * p + i + 1), Cosine: Dot(view.Appearance, appearance))))
            .OrderByDescending(v => v.Cosine)
            .Take(k)
            .Select(v => v.Id);

    static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static long DirectorySize(string folder) => new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);

    /// <summary>Vectors shaped like the real ones: every product shares a common direction (pooled CNN features
    /// of garments are alike, cosine about 0.6 between unrelated products), a product's views share its own
    /// direction and differ by framing; colours are a few strong bins, as a garment's are.</summary>
    static class Synthetic
    {
        static readonly float[] Common = Gaussian(new Random(1), SqliteProductIndex.AppearanceDimensions, 1.2f);

        public static List<ItemView> ProductViews(Random random, int count)
        {
            var centre = Add(Common, Gaussian(random, SqliteProductIndex.AppearanceDimensions, 1));
            var colour = Colour(random);
            return Enumerable.Range(0, count).Select(_ => new ItemView(Normalised(Add(centre, Gaussian(random, centre.Length, 0.6f))), colour)).ToList();
        }

        public static ItemView Perturbed(Random random, ItemView view) =>
            new(Normalised(Add(view.Appearance, Gaussian(random, view.Appearance.Length, 0.02f))), view.Colour);

        static float[] Colour(Random random)
        {
            var histogram = new float[ColourDescriptor.Bins];
            for (var i = 0; i < 3; i++)
                histogram[random.Next(histogram.Length)] += (float)random.NextDouble();
            return Normalised(histogram);
        }

        static float[] Gaussian(Random random, int length, float sigma)
        {
            var values = new float[length];
            for (var i = 0; i < length; i++)
                values[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            return values;
        }

        static float[] Add(float[] a, float[] b) => a.Select((x, i) => x + b[i]).ToArray();

        static float[] Normalised(float[] v)
        {
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return norm == 0 ? v : v.Select(x => x / norm).ToArray();
        }
    }
}
