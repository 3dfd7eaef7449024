using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for the keywords the project's schemas use: type,
/// required, properties, additionalProperties, items, minItems, minimum, maximum, enum, const, pattern and
/// $ref into $defs. No validator package restores here. A schema that uses any other keyword is refused
/// outright, so a keyword it cannot check is never silently passed.
/// </summary>
public sealed class JsonSchemaValidator
{
    static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "title", "description"];
    static readonly HashSet<string> Checked =
        ["type", "required", "properties", "additionalProperties", "items", "minItems", "minimum", "maximum", "enum", "const", "pattern", "$ref"];

    readonly JsonElement root;

    public JsonSchemaValidator(JsonElement schema)
    {
        root = schema.Clone();
        RefuseUnknownKeywords(root, "#");
    }

    public static JsonSchemaValidator FromFile(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    /// <summary>Every violation, each as "JSON path: what is wrong"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    public IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    void Check(JsonElement schema, JsonElement instance, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
            return;
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: is not allowed here");
            return;
        }
        if (schema.TryGetProperty("$ref", out var reference))
            Check(Resolve(reference.GetString()!), instance, path, errors);
        if (schema.TryGetProperty("type", out var type) && !HasType(instance, type))
        {
            errors.Add($"{path}: expected {type.GetRawText()}, found {instance.ValueKind}");
            return; // the other keywords would only repeat the same mistake
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
            errors.Add($"{path}: must be {constant.GetRawText()}, found {instance.GetRawText()}");
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, instance)))
            errors.Add($"{path}: {instance.GetRawText()} is not one of {options.GetRawText()}");

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, instance, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, instance, path, errors);
                break;
            case JsonValueKind.Number:
                var value = instance.GetDouble();
                if (schema.TryGetProperty("minimum", out var minimum) && value < minimum.GetDouble())
                    errors.Add($"{path}: {Number(value)} is below the minimum {minimum.GetRawText()}");
                if (schema.TryGetProperty("maximum", out var maximum) && value > maximum.GetDouble())
                    errors.Add($"{path}: {Number(value)} is above the maximum {maximum.GetRawText()}");
                break;
            case JsonValueKind.String:
                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(instance.GetString()!, pattern.GetString()!))
                    errors.Add($"{path}: \"{instance.GetString()}\" does not match {pattern.GetString()}");
                break;
        }
    }

    void CheckObject(JsonElement schema, JsonElement instance, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                if (!instance.TryGetProperty(name, out _))
                    errors.Add($"{path}: the required property '{name}' is missing");
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
                Check(propertySchema, property.Value, childPath, errors);
            else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
                errors.Add($"{path}: the property '{property.Name}' is not allowed");
            else if (hasAdditional)
                Check(additional, property.Value, childPath, errors);
        }
    }

    void CheckArray(JsonElement schema, JsonElement instance, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minItems", out var minItems) && instance.GetArrayLength() < minItems.GetInt32())
            errors.Add($"{path}: has {instance.GetArrayLength()} items, at least {minItems.GetInt32()} needed");
        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
                Check(items, item, $"{path}[{index++}]", errors);
        }
    }

    static bool HasType(JsonElement instance, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => HasType(instance, t.GetString()!))
        : HasType(instance, type.GetString()!);

    static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && Math.Floor(instance.GetDouble()) == instance.GetDouble(),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"unknown type '{type}'"),
    };

    /// <summary>Local references only ("#/$defs/name", or any JSON pointer into this schema).</summary>
    JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
            throw new NotSupportedException($"only references inside the schema are supported, not '{reference}'");
        var node = root;
        foreach (var token in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/").Replace("~0", "~");
            if (!node.TryGetProperty(name, out node))
                throw new InvalidOperationException($"the reference '{reference}' points nowhere");
        }
        return node;
    }

    void RefuseUnknownKeywords(JsonElement schema, string path)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return;
        if (schema.ValueKind != JsonValueKind.Object)
            throw new NotSupportedException($"{path}: a schema must be an object or a boolean");
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Annotations.Contains(keyword.Name) && !Checked.Contains(keyword.Name))
                throw new NotSupportedException($"{path}: the keyword '{keyword.Name}' is not supported by this validator");
            switch (keyword.Name)
            {
                case "$defs" or "properties":
                    foreach (var child in keyword.Value.EnumerateObject())
                        RefuseUnknownKeywords(child.Value, $"{path}/{keyword.Name}/{child.Name}");
                    break;
                case "items" or "additionalProperties":
                    RefuseUnknownKeywords(keyword.Value, $"{path}/{keyword.Name}");
                    break;
                case "$ref":
                    Resolve(keyword.Value.GetString()!);
                    break;
            }
        }
    }

    static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
