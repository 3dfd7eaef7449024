namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>The repository's JSON Schemas, copied beside the test binaries by the project file.</summary>
public static class Schemas
{
    public static string ShoppableDocumentPath => Path.Combine(AppContext.BaseDirectory, "schemas", "shoppable-document-1.0.schema.json");

    static readonly Lazy<JsonSchemaValidator> ShoppableDocumentValidator = new(() => JsonSchemaValidator.FromFile(ShoppableDocumentPath));

    public static JsonSchemaValidator ShoppableDocument => ShoppableDocumentValidator.Value;
}
