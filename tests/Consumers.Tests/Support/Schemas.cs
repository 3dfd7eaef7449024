using System.Text.Json;
using Json.Schema;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>The repository's JSON Schemas, copied beside the test binaries by the project file, built with
/// JsonSchema.Net (draft 2020-12).</summary>
public static class Schemas
{
    public static string ShoppableDocumentPath => Path.Combine(AppContext.BaseDirectory, "schemas", "shoppable-document-2.0.schema.json");

    static readonly Lazy<JsonSchema> ShoppableDocumentSchema = new(() => JsonSchema.FromFile(ShoppableDocumentPath));

    public static JsonSchema ShoppableDocument => ShoppableDocumentSchema.Value;

    /// <summary>The document as the API serves it, with reviews applied.</summary>
    public static string ReviewedDocumentPath => Path.Combine(AppContext.BaseDirectory, "schemas", "shoppable-document-2.1.schema.json");

    static readonly Lazy<JsonSchema> ReviewedDocumentSchema = new(() => JsonSchema.FromFile(ReviewedDocumentPath));

    public static JsonSchema ReviewedDocument => ReviewedDocumentSchema.Value;

    /// <summary>Every error the package reports, each as "instance location (JSON Pointer): keyword: message";
    /// empty when the document is valid. Assert.Empty then prints them all on failure.</summary>
    public static IReadOnlyList<string> ErrorsIn(this JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        return (results.Details ?? [results])
            .Where(node => node.Errors is { Count: > 0 })
            .SelectMany(node => node.Errors!.Select(error => $"{node.InstanceLocation}: {error.Key}: {error.Value}"))
            .ToList();
    }
}
