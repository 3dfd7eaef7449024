using ShoppableVideo.Consumers.Tests.Support;
using System.Text.Json;

namespace ShoppableVideo.Consumers.Tests.Metadata;

public class JsonSchemaValidatorTests
{
    static readonly JsonSchemaValidator Validator = new(JsonDocument.Parse("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["name", "box", "tags"],
          "additionalProperties": false,
          "properties": {
            "version": { "const": "1.0" },
            "name": { "type": "string", "pattern": "^[a-z]+$" },
            "count": { "type": "integer", "minimum": 0 },
            "kind": { "enum": ["upper", "lower"] },
            "box": { "$ref": "#/$defs/box" },
            "tags": { "type": "array", "minItems": 1, "items": { "type": "string" } },
            "note": { "type": ["string", "null"] }
          },
          "$defs": {
            "unit": { "type": "number", "minimum": 0, "maximum": 1 },
            "box": {
              "type": "object",
              "required": ["left", "width"],
              "additionalProperties": false,
              "properties": { "left": { "$ref": "#/$defs/unit" }, "width": { "$ref": "#/$defs/unit" } }
            }
          }
        }
        """).RootElement);

    const string Valid = """{ "version": "1.0", "name": "tee", "count": 2, "kind": "upper", "box": { "left": 0.25, "width": 1 }, "tags": ["a"], "note": null }""";

    [Fact]
    public void A_document_that_keeps_every_rule_has_no_errors()
    {
        Assert.Empty(Validator.Validate(Valid));
    }

    [Theory]
    [InlineData("""{ "box": { "left": 0, "width": 0 }, "tags": ["a"] }""", "$: the required property 'name' is missing")]
    [InlineData("""{ "name": "tee", "box": { "left": 0 }, "tags": ["a"] }""", "$.box: the required property 'width' is missing")]
    [InlineData("""{ "name": "tee", "box": { "left": 1.5, "width": 0 }, "tags": ["a"] }""", "$.box.left: 1.5 is above the maximum 1")]
    [InlineData("""{ "name": "tee", "box": { "left": -0.1, "width": 0 }, "tags": ["a"] }""", "$.box.left: -0.1 is below the minimum 0")]
    [InlineData("""{ "name": "tee", "box": { "left": 0, "width": 0, "depth": 1 }, "tags": ["a"] }""", "$.box: the property 'depth' is not allowed")]
    [InlineData("""{ "name": "tee", "box": { "left": 0, "width": 0 }, "tags": ["a"], "extra": true }""", "$: the property 'extra' is not allowed")]
    [InlineData("""{ "name": 7, "box": { "left": 0, "width": 0 }, "tags": ["a"] }""", "$.name: expected \"string\", found Number")]
    [InlineData("""{ "name": "tee", "count": 1.5, "box": { "left": 0, "width": 0 }, "tags": ["a"] }""", "$.count: expected \"integer\", found Number")]
    [InlineData("""{ "name": "Tee!", "box": { "left": 0, "width": 0 }, "tags": ["a"] }""", "$.name: \"Tee!\" does not match ^[a-z]+$")]
    [InlineData("""{ "name": "tee", "kind": "hat", "box": { "left": 0, "width": 0 }, "tags": ["a"] }""", "$.kind: \"hat\" is not one of [\"upper\", \"lower\"]")]
    [InlineData("""{ "version": "2.0", "name": "tee", "box": { "left": 0, "width": 0 }, "tags": ["a"] }""", "$.version: must be \"1.0\", found \"2.0\"")]
    [InlineData("""{ "name": "tee", "box": { "left": 0, "width": 0 }, "tags": [] }""", "$.tags: has 0 items, at least 1 needed")]
    [InlineData("""{ "name": "tee", "box": { "left": 0, "width": 0 }, "tags": ["a", 3] }""", "$.tags[1]: expected \"string\", found Number")]
    [InlineData("""{ "name": "tee", "box": { "left": 0, "width": 0 }, "tags": ["a"], "note": 1 }""", "$.note: expected [\"string\", \"null\"], found Number")]
    [InlineData("""[]""", "$: expected \"object\", found Array")]
    public void A_document_that_breaks_a_rule_is_rejected_with_the_place_and_the_reason(string json, string error)
    {
        Assert.Contains(error, Validator.Validate(json));
    }

    [Fact]
    public void Every_violation_is_reported_not_only_the_first()
    {
        var errors = Validator.Validate("""{ "name": "tee", "box": { "left": 2, "width": -1 }, "tags": ["a"], "x": 1 }""");

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void A_schema_using_a_keyword_the_validator_cannot_check_is_refused()
    {
        var schema = JsonDocument.Parse("""{ "type": "object", "properties": { "name": { "type": "string", "maxLength": 3 } } }""").RootElement;

        var refusal = Assert.Throws<NotSupportedException>(() => new JsonSchemaValidator(schema));
        Assert.Contains("maxLength", refusal.Message);
    }

    [Fact]
    public void A_reference_that_points_nowhere_is_refused_when_the_schema_is_loaded()
    {
        var schema = JsonDocument.Parse("""{ "properties": { "box": { "$ref": "#/$defs/missing" } } }""").RootElement;

        Assert.Throws<InvalidOperationException>(() => new JsonSchemaValidator(schema));
    }
}
