"""Small parts every view uses: the shared context, labels, messages, questions, the worker, the chart view."""
