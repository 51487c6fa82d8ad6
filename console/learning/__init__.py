"""Suggestions learned from the centre's own history: features, model, training with a
held-back evaluation, a versioned model store. No Qt and no SQL here: the service in
console/services/suggestions.py reads the history and applies the routing rules."""
