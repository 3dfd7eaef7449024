using System.Globalization;
using System.Text.Json;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Reads a catalog manifest (CSV with a header row, or a JSON array of objects) into products
/// and per-line errors. A bad row never stops the others; only an unreadable manifest is rejected.
/// Image keys are relative to the manifest's folder in the catalog bucket.</summary>
public static class CatalogManifestParser
{
    static readonly string[] Required = ["product_id", "name", "price", "category", "image"];

    public static (List<CatalogProduct> Products, List<ManifestRowError> Errors) Parse(string manifestKey, TextReader content)
    {
        var rows = manifestKey.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonRows(content)
            : ReadCsvRows(content);
        var folder = manifestKey.Contains('/') ? manifestKey[..(manifestKey.LastIndexOf('/') + 1)] : "";
        var products = new List<CatalogProduct>();
        var errors = new List<ManifestRowError>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, row) in rows)
        {
            var (product, reason) = ToProduct(line, row, folder);
            if (product is not null && firstLineOf.TryGetValue(product.ProductId, out var first))
                reason = $"product_id '{product.ProductId}' is already on line {first}";
            if (reason is not null || product is null)
            {
                errors.Add(new ManifestRowError(line, reason ?? "unreadable row"));
                continue;
            }
            firstLineOf[product.ProductId] = line;
            products.Add(product);
        }
        return (products, errors);
    }

    static (CatalogProduct?, string?) ToProduct(int line, IReadOnlyDictionary<string, string> row, string folder)
    {
        var missing = Required.Where(f => string.IsNullOrWhiteSpace(row.GetValueOrDefault(f))).ToList();
        if (missing.Count > 0)
            return (null, $"missing required field{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}");
        var productId = row["product_id"].Trim();
        if (productId.Length > 200 || productId.Any(c => char.IsControl(c) || c is '/' or '\\') || productId.Contains(".."))
            return (null, "product_id has characters that are not allowed ('/', '\\', '..', control characters)");
        if (!decimal.TryParse(row["price"], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price < 0)
            return (null, $"price '{row["price"]}' is not a non-negative number");
        var imageKey = folder + row["image"].Trim();
        if (ObjectKey.FindProblem(imageKey) is { } keyProblem)
            return (null, $"image '{row["image"]}': {keyProblem}");
        double? rating = null;
        if (Optional(row, "rating") is { } ratingText)
        {
            if (!double.TryParse(ratingText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
                return (null, $"rating '{ratingText}' is not a non-negative number");
            rating = parsed;
        }
        var url = Optional(row, "url");
        // The player and the API hand this link to browsers: a javascript: or data: URL would run in them.
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps)))
            return (null, $"url '{url}' is not an absolute http or https address");
        var currency = Optional(row, "currency")?.ToUpperInvariant();
        if (currency is not null && !(currency.Length == 3 && currency.All(char.IsAsciiLetterUpper)))
            return (null, $"currency '{row["currency"]}' is not a three-letter ISO 4217 code such as EUR");
        return (new CatalogProduct(line, productId, row["name"].Trim(), price, row["category"].Trim(), imageKey,
            url, rating, Optional(row, "availability"), currency), null);
    }

    static string? Optional(IReadOnlyDictionary<string, string> row, string field) =>
        row.GetValueOrDefault(field) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    static IEnumerable<(int, IReadOnlyDictionary<string, string>)> ReadCsvRows(TextReader content)
    {
        using var records = CsvReader.Read(content).GetEnumerator();
        if (!records.MoveNext())
            throw new FormatException("the manifest is empty");
        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.Contains("product_id"))
            throw new FormatException("the CSV header has no product_id column");
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Length && i < fields.Count; i++)
                row[header[i]] = fields[i];
            yield return (line, row);
        }
    }

    // JSON has no lines a person counts; the row number (1-based) stands in for the line.
    static IEnumerable<(int, IReadOnlyDictionary<string, string>)> ReadJsonRows(TextReader content)
    {
        using var document = JsonDocument.Parse(content.ReadToEnd());
        var array = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement
            : document.RootElement.TryGetProperty("products", out var products) ? products
            : throw new FormatException("the JSON manifest is neither an array nor an object with 'products'");
        var number = 0;
        foreach (var item in array.EnumerateArray())
        {
            number++;
            var row = new Dictionary<string, string>();
            if (item.ValueKind == JsonValueKind.Object)
                foreach (var property in item.EnumerateObject())
                    row[property.Name.ToLowerInvariant()] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
            yield return (number, row);
        }
    }
}
