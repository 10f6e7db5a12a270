extension Script {
    /// The board: drag and drop between stage columns, over forms that work without it.
    static let board = """

    """
}
