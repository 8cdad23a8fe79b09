"""The Stages of Personalized Learning: rating them together, what each stage looks like, the progress charts."""
