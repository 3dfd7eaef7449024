namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>The repository's JSON Schemas, copied beside the test binaries by the project file.</summary>
public static class Schemas
{
    public static string ShoppableDocumentPath => Path.Combine(AppContext.BaseDirectory, "schemas", "shoppable-document-1.0.schema.json");

    static readonly Lazy<JsonSchemaValidator> ShoppableDocumentValidator = new(() => JsonSchemaValidator.FromFile(ShoppableDocumentPath));

    public static JsonSchemaValidator ShoppableDocument => ShoppableDocumentValidator.Value;

    /// <summary>The document as the API serves it, with reviews applied.</summary>
    public static string ReviewedDocumentPath => Path.Combine(AppContext.BaseDirectory, "schemas", "shoppable-document-1.1.schema.json");

    static readonly Lazy<JsonSchemaValidator> ReviewedDocumentValidator = new(() => JsonSchemaValidator.FromFile(ReviewedDocumentPath));

    public static JsonSchemaValidator ReviewedDocument => ReviewedDocumentValidator.Value;
}
