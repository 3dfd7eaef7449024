using System.Text;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>
/// A one-node ONNX model written as protobuf bytes by hand: y = Relu(x) with x float[batch, 3]. The
/// shipped models all fix their batch dimension at 1, so this is the model with a dynamic one.
/// </summary>
public static class TinyOnnxModel
{
    public static byte[] ReluWithDynamicBatch() => Message(model =>
    {
        model.Varint(1, 8); // ir_version
        model.Nested(8, opset => opset.Varint(2, 13)); // opset_import: the default domain, opset 13
        model.Nested(7, graph =>
        {
            graph.Nested(1, node => node.Text(1, "x").Text(2, "y").Text(4, "Relu"));
            graph.Text(2, "tiny");
            graph.Nested(11, value => Tensor(value, "x"));
            graph.Nested(12, value => Tensor(value, "y"));
        });
    });

    /// <summary>A ValueInfoProto: a float tensor of shape ["batch", 3].</summary>
    static void Tensor(Writer value, string name) =>
        value.Text(1, name).Nested(2, type => type.Nested(1, tensor => tensor
            .Varint(1, 1) // FLOAT
            .Nested(2, shape => shape.Nested(1, dim => dim.Text(2, "batch")).Nested(1, dim => dim.Varint(1, 3)))));

    static byte[] Message(Action<Writer> write)
    {
        var writer = new Writer();
        write(writer);
        return writer.Bytes.ToArray();
    }

    /// <summary>Just the two protobuf wire types a model needs: varints and length-delimited fields.</summary>
    sealed class Writer
    {
        public MemoryStream Bytes { get; } = new();

        public Writer Varint(int field, ulong value) => Key(field, 0).Raw(value);

        public Writer Text(int field, string text) => Delimited(field, Encoding.UTF8.GetBytes(text));

        public Writer Nested(int field, Action<Writer> write) => Delimited(field, Message(write));

        Writer Delimited(int field, byte[] payload)
        {
            Key(field, 2).Raw((ulong)payload.Length);
            Bytes.Write(payload);
            return this;
        }

        Writer Key(int field, int wireType) => Raw((ulong)(field << 3 | wireType));

        Writer Raw(ulong value)
        {
            for (; value >= 0x80; value >>= 7)
                Bytes.WriteByte((byte)(value | 0x80));
            Bytes.WriteByte((byte)value);
            return this;
        }
    }
}
