// Returns the event unchanged: handy to see exactly what the sink sent.
exports.handler = async (event) => event;
