extension Script {
    /// The feedback e-mail: copy to the clipboard.
    static let feedback = """

    """
}
